// Traffic channels in Maven Fuzzy Factory's shapes: paid nonbrand search dominates new visitors,
// returning visitors come back through brand, organic and direct; paid social starts part-way in.
import { cumulate } from './rng.js';

export interface Channel {
  source: string;
  campaign: string;
  content: string;
  referer: string;
  /** share of desktop sessions */
  desktop: number;
  /** relative weight among new visitors / among repeat visitors */
  newWeight: number;
  repeatWeight: number;
  /** which landing pages it sends traffic to */
  landing: 'home' | 'home-vs-lander-1' | 'lander-2';
  /** active from this day index (inclusive) until `toDay` (exclusive) */
  fromDay: number;
  toDay: number;
  /** paid channels get an ad_spend row per day: cost per click in cents and click-through rate */
  paid: boolean;
  cpcCents: number;
  ctr: number;
}

/** The day paid social (socialbook) launches; the pilot then becomes a desktop-targeted campaign. */
export const SOCIAL_LAUNCH_DAY = 45;
const SOCIAL_RETARGET_DAY = 75;
const FOREVER = Number.MAX_SAFE_INTEGER;
const G = 'https://www.gsearch.com';
const B = 'https://www.bsearch.com';
const S = 'https://www.socialbook.com';

const base = { fromDay: 0, toDay: FOREVER, paid: false, cpcCents: 0, ctr: 0 };
export const CHANNELS: readonly Channel[] = [
  { ...base, source: 'gsearch', campaign: 'nonbrand', content: 'g_ad_1', referer: G, desktop: 0.74, newWeight: 62, repeatWeight: 8, landing: 'home-vs-lander-1', paid: true, cpcCents: 110, ctr: 0.032 },
  { ...base, source: 'bsearch', campaign: 'nonbrand', content: 'b_ad_1', referer: B, desktop: 0.8, newWeight: 13, repeatWeight: 2, landing: 'home-vs-lander-1', paid: true, cpcCents: 85, ctr: 0.029 },
  { ...base, source: 'gsearch', campaign: 'brand', content: 'g_ad_2', referer: G, desktop: 0.7, newWeight: 4, repeatWeight: 18, landing: 'home', paid: true, cpcCents: 45, ctr: 0.12 },
  { ...base, source: 'bsearch', campaign: 'brand', content: 'b_ad_2', referer: B, desktop: 0.75, newWeight: 1, repeatWeight: 5, landing: 'home', paid: true, cpcCents: 40, ctr: 0.11 },
  { ...base, source: '', campaign: '', content: '', referer: G, desktop: 0.7, newWeight: 6, repeatWeight: 24, landing: 'home' },
  { ...base, source: '', campaign: '', content: '', referer: B, desktop: 0.72, newWeight: 1.5, repeatWeight: 6, landing: 'home' },
  { ...base, source: '', campaign: '', content: '', referer: '', desktop: 0.68, newWeight: 5, repeatWeight: 30, landing: 'home' },
  { ...base, source: 'socialbook', campaign: 'pilot', content: 'social_ad_1', referer: S, desktop: 0.45, newWeight: 6, repeatWeight: 2, landing: 'lander-2', fromDay: SOCIAL_LAUNCH_DAY, toDay: SOCIAL_RETARGET_DAY, paid: true, cpcCents: 60, ctr: 0.009 },
  { ...base, source: 'socialbook', campaign: 'desktop_targeted', content: 'social_ad_2', referer: S, desktop: 0.88, newWeight: 6, repeatWeight: 2, landing: 'lander-2', fromDay: SOCIAL_RETARGET_DAY, paid: true, cpcCents: 70, ctr: 0.011 },
];

/** The fixed `,utm_source,utm_campaign,utm_content,` part of a session row, per channel. */
export const UTM_FIELDS: readonly string[] = CHANNELS.map((c) => `${c.source},${c.campaign},${c.content}`);

/** Cumulative weights for picking a channel on `day`, for new and for repeat visitors. */
export function channelWeights(day: number): { newVisitors: Float64Array; repeatVisitors: Float64Array } {
  const active = (c: Channel): boolean => c.fromDay <= day && day < c.toDay;
  return {
    newVisitors: cumulate(CHANNELS.map((c) => (active(c) ? c.newWeight : 0))),
    repeatVisitors: cumulate(CHANNELS.map((c) => (active(c) ? c.repeatWeight : 0))),
  };
}
