// Seeded pseudo-random numbers (mulberry32). The generator never touches Math.random, so the same
// seed always yields the same bytes; each day and the catalog get their own stream via streamSeed.

/** Mixes a seed with a stream key (a day index or a label) into an independent 32-bit seed. */
export function streamSeed(seed: number, key: number | string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  const text = String(key);
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x85ebca6b);
    h = (h ^ (h >>> 13)) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Index into a cumulative-weight array (last element = total). */
  pickCumulative(cumulative: ArrayLike<number>): number {
    const target = this.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Number of failures before the first success; mean (1 - p) / p. */
  geometric(p: number, cap: number): number {
    let n = 0;
    while (n < cap && this.next() >= p) n++;
    return n;
  }

  /** Roughly normal noise around 1 (sum of uniforms), for day-to-day wobble. */
  wobble(spread: number): number {
    return 1 + (this.next() + this.next() + this.next() - 1.5) * spread;
  }
}

/** Turns a list of weights into the cumulative form pickCumulative expects. */
export function cumulate(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += weights[i];
    out[i] = sum;
  }
  return out;
}
