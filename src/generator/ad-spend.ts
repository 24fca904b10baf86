// Daily ad_spend per paid source/campaign, derived from the paid sessions actually simulated that
// day so clicks ≈ sessions (a few clicks never load the page) and CTR/CPC stay plausible.
import { CHANNELS } from './channels.js';
import type { CsvSink } from './csv-sink.js';
import type { Rng } from './rng.js';

/** Writes one row per paid channel active on `day`; `sessions[c]` counts that channel's sessions. */
export function writeAdSpend(sink: CsvSink, rng: Rng, day: number, date: string, sessions: Int32Array): void {
  for (let c = 0; c < CHANNELS.length; c++) {
    const ch = CHANNELS[c];
    if (!ch.paid || day < ch.fromDay || day >= ch.toDay) continue;
    const clicks = Math.round(sessions[c] * (1 + rng.next() * 0.06));
    const impressions = Math.round(clicks / (ch.ctr * rng.wobble(0.3)));
    const cents = Math.round(clicks * ch.cpcCents * rng.wobble(0.25));
    sink.line(`${date},${ch.source},${ch.campaign},${impressions},${clicks},${(cents / 100).toFixed(2)}\n`);
  }
}
