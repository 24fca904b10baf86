// The catalog as it changes day by day: launches, price changes, stock-outs and the odd
// re-categorisation, each written to item_properties as a RetailRocket-style change log.
import type { Catalog } from './catalog.js';
import type { Clock } from './time-format.js';
import type { CsvSink } from './csv-sink.js';
import { Rng, cumulate, streamSeed } from './rng.js';

/** RetailRocket's numeric id of the price property; values look like `n49.990`. */
export const PRICE_PROPERTY = '790';
/** A hashed, meaningless property (as most RetailRocket properties are) so staging must filter. */
export const HASHED_PROPERTY = '888';
const PRICE_FACTORS = [0.8, 0.9, 1, 1, 1.1];

export class CatalogState {
  readonly priceCents: Int32Array;
  readonly available: Uint8Array;
  readonly categoryId: Int32Array;
  /** indices (0-based) of launched products and their cumulative popularity, for page views */
  launched: number[] = [];
  launchedWeights: Float64Array = new Float64Array(0);
  /** the day the state currently describes */
  currentDay = -1;

  constructor(private readonly catalog: Catalog, private readonly seed: number, private readonly clock: Clock,
    private readonly sink: CsvSink) {
    const n = catalog.products.length;
    this.priceCents = Int32Array.from(catalog.products, (p) => p.baseCents);
    this.available = new Uint8Array(n).fill(1);
    this.categoryId = Int32Array.from(catalog.products, (p) => p.categoryId);
  }

  private row(ms: number, itemId: number, property: string, value: string): void {
    this.sink.line(ms + ',' + itemId + ',' + property + ',' + value + '\n');
  }

  private launch(i: number): void {
    const p = this.catalog.products[i];
    const ms = this.clock.dayStart(p.launchDay) * 1000;
    this.row(ms, p.id, 'categoryid', String(p.categoryId));
    this.row(ms, p.id, PRICE_PROPERTY, priceValue(p.baseCents));
    this.row(ms, p.id, 'available', '1');
    const h = streamSeed(this.seed, 'hashed' + p.id);
    this.row(ms, p.id, HASHED_PROPERTY, `${h % 1500000} n${(h % 97) * 12}.000`);
  }

  /** Writes the launch rows of products that predate the period (the "day -1" chunk). */
  launchBeforePeriod(): void {
    this.catalog.products.forEach((p, i) => { if (p.launchDay < 0) this.launch(i); });
  }

  /** Applies day `day`'s launches and changes at midnight, then refreshes the launched list. */
  advance(day: number, rng: Rng): void {
    this.currentDay = day;
    const ms = this.clock.dayStart(day) * 1000;
    const products = this.catalog.products;
    for (let i = 0; i < products.length; i++) {
      const p = products[i];
      if (p.launchDay === day) this.launch(i);
      if (p.launchDay >= day) continue;
      if (rng.chance(p.priceChangeRate)) {
        const f = PRICE_FACTORS[rng.int(0, PRICE_FACTORS.length - 1)];
        const cents = Math.max(99, Math.round((p.baseCents * f) / 100) * 100 - 1);
        if (cents !== this.priceCents[i]) {
          this.priceCents[i] = cents;
          this.row(ms, p.id, PRICE_PROPERTY, priceValue(cents));
        }
      }
      const flip = this.available[i] === 1 ? p.stockoutRate : 0.25;
      if (rng.chance(flip)) {
        this.available[i] ^= 1;
        this.row(ms, p.id, 'available', String(this.available[i]));
      }
      if (rng.chance(0.0015)) {
        const leaves = this.catalog.leaves;
        const next = leaves[rng.int(0, leaves.length - 1)].id;
        if (next !== this.categoryId[i]) {
          this.categoryId[i] = next;
          this.row(ms, p.id, 'categoryid', String(next));
        }
      }
    }
    this.launched = [];
    for (let i = 0; i < products.length; i++) if (products[i].launchDay <= day) this.launched.push(i);
    this.launchedWeights = cumulate(this.launched.map((i) => products[i].popularity));
  }
}

/** `n49.990`: RetailRocket writes numeric property values with an `n` prefix and three decimals. */
export function priceValue(cents: number): string {
  return 'n' + (cents / 100).toFixed(3);
}
