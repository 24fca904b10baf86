// One simulated day, from its own seeded stream: catalog changes at midnight, refunds due today,
// the day's sessions in time order (ids follow created_at), then that day's ad spend.
import { CHANNELS, channelWeights } from './channels.js';
import { writeAdSpend } from './ad-spend.js';
import { Rng, cumulate, streamSeed } from './rng.js';
import { simulateSession } from './session-sim.js';
import type { SimContext } from './sim-context.js';

/** Sessions per day at scale 1 before trend and weekday effects (≈ 2.7M events over 120 days). */
export const BASE_SESSIONS_PER_DAY = 22000;
/** Traffic by hour of day: quiet nights, an evening peak. */
const HOURS = cumulate([0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.5, 0.7, 0.9, 1, 1, 1.05, 1, 1, 1, 1.05, 1.1, 1.2, 1.35, 1.45, 1.4, 1.1, 0.6]);

/** Traffic grows slowly over time and dips at weekends; depends only on the absolute day. */
function dayVolume(ctx: SimContext, day: number, scale: number, rng: Rng): number {
  const weekday = new Date(ctx.clock.dayStart(day) * 1000).getUTCDay();
  const weekend = weekday === 0 || weekday === 6 ? 0.85 : 1;
  return Math.max(0, Math.round(BASE_SESSIONS_PER_DAY * scale * (0.8 + 0.0035 * day) * weekend * rng.wobble(0.15)));
}

export function simulateDay(ctx: SimContext, seed: number, scale: number, day: number): void {
  const rng = new Rng(streamSeed(seed, day));
  const { users, sinks } = ctx;
  ctx.state.advance(day, rng);
  ctx.ids.refund = ctx.refunds.emit(day, sinks.order_item_refunds, ctx.ids.refund + 1) - 1;

  const n = dayVolume(ctx, day, scale, rng);
  const starts = new Int32Array(n);
  for (let i = 0; i < n; i++) starts[i] = rng.pickCumulative(HOURS) * 3600 + rng.int(0, 3599);
  starts.sort();

  const weights = channelWeights(day);
  const repeatChance = users.repeatChance(day);
  const paidSessions = new Int32Array(CHANNELS.length);
  const dayStart = ctx.clock.dayStart(day);
  for (let i = 0; i < n; i++) {
    const isRepeat = rng.chance(repeatChance);
    let channel: number;
    let userId: number;
    let mobile: boolean;
    if (isRepeat) {
      channel = rng.pickCumulative(weights.repeatVisitors);
      userId = users.pickReturning(rng);
      // people mostly come back on the same device
      mobile = users.isMobile(userId) !== rng.chance(0.1);
    } else {
      channel = rng.pickCumulative(weights.newVisitors);
      mobile = !rng.chance(CHANNELS[channel].desktop);
      userId = users.create(mobile);
    }
    paidSessions[channel]++;
    simulateSession(ctx, rng, { day, sec: dayStart + starts[i], channel, userId, isRepeat, mobile });
  }
  writeAdSpend(sinks.ad_spend, rng, day, ctx.clock.date(day), paidSessions);
}
