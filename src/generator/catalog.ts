// The product catalog and category tree: Maven's four bears (product_id 1-4) plus a longer
// RetailRocket-style tail, built from the seed's own 'catalog' stream so it never depends on --days.
import { Rng, streamSeed } from './rng.js';

export interface Product {
  id: number;
  name: string;
  /** the product page, e.g. `/the-original-mr-fuzzy` (see productUrl) */
  url: string;
  /** day index of the launch (negative = before the period) */
  launchDay: number;
  baseCents: number;
  cogsCents: number;
  /** relative share of product page views */
  popularity: number;
  categoryId: number;
  /** the product most often bought with this one as a cross-sell */
  partnerId: number;
  refundRate: number;
  /** daily chance of running out of stock */
  stockoutRate: number;
  priceChangeRate: number;
}

export interface Category {
  id: number;
  parentId: number | null;
}

export interface Catalog {
  products: Product[];
  categories: Category[];
  /** categories without children: the ones products are filed under */
  leaves: Category[];
}

const MAVEN: ReadonlyArray<Omit<Product, 'id' | 'url' | 'categoryId' | 'partnerId'>> = [
  { name: 'The Original Mr. Fuzzy', launchDay: -365, baseCents: 4999, cogsCents: 1949, popularity: 10, refundRate: 0.045, stockoutRate: 0.003, priceChangeRate: 0.008 },
  { name: 'The Forever Love Bear', launchDay: -200, baseCents: 5999, cogsCents: 2249, popularity: 4, refundRate: 0.02, stockoutRate: 0.006, priceChangeRate: 0.01 },
  { name: 'The Birthday Sugar Panda', launchDay: -90, baseCents: 4599, cogsCents: 1449, popularity: 3, refundRate: 0.06, stockoutRate: 0.008, priceChangeRate: 0.01 },
  { name: 'The Hudson River Mini bear', launchDay: 30, baseCents: 2999, cogsCents: 949, popularity: 2.5, refundRate: 0.013, stockoutRate: 0.006, priceChangeRate: 0.01 },
];
const ADJECTIVES = ['Cozy', 'Sleepy', 'Giant', 'Pocket', 'Rainbow', 'Velvet', 'Midnight', 'Snowy', 'Cuddly', 'Brave', 'Tiny', 'Golden'];
const ANIMALS = ['Otter', 'Bunny', 'Fox', 'Penguin', 'Koala', 'Llama', 'Owl', 'Dragon', 'Hedgehog', 'Unicorn', 'Sloth', 'Whale'];
export const EXTRA_PRODUCTS = 36;

/** The page URL of a product: `'/' || lower(name)` without punctuation, spaces as dashes. */
export function productUrl(name: string): string {
  return '/' + name.toLowerCase().replace(/[^a-z0-9 ]/g, '').trim().replace(/ +/g, '-');
}

function buildCategories(rng: Rng): Catalog['categories'] {
  const ids: number[] = [];
  const used = new Set<number>();
  const nextId = (): number => {
    let id = rng.int(100, 1699);
    while (used.has(id)) id = rng.int(100, 1699);
    used.add(id);
    ids.push(id);
    return id;
  };
  const categories: Category[] = [];
  for (let r = 0; r < 3; r++) {
    const root: Category = { id: nextId(), parentId: null };
    categories.push(root);
    for (let m = 0; m < 3; m++) {
      const mid: Category = { id: nextId(), parentId: root.id };
      categories.push(mid);
      // the first subcategory always has children so every root is three levels deep
      const leaves = m === 0 ? rng.int(2, 3) : rng.int(0, 3);
      for (let l = 0; l < leaves; l++) categories.push({ id: nextId(), parentId: mid.id });
    }
  }
  return categories;
}

function leavesUnder(categories: Category[], rootId: number): Category[] {
  const inRoot = new Set<number>([rootId]);
  for (const c of categories) if (c.parentId !== null && inRoot.has(c.parentId)) inRoot.add(c.id);
  return categories.filter((c) => inRoot.has(c.id) && !categories.some((k) => k.parentId === c.id));
}

export function buildCatalog(seed: number): Catalog {
  const rng = new Rng(streamSeed(seed, 'catalog'));
  const categories = buildCategories(rng);
  const leaves = categories.filter((c) => !categories.some((k) => k.parentId === c.id));
  const plushLeaves = leavesUnder(categories, categories[0].id);
  const products: Product[] = MAVEN.map((p, i) => ({
    ...p, id: i + 1, url: productUrl(p.name), partnerId: 0,
    categoryId: plushLeaves[i % plushLeaves.length].id,
  }));
  const names = new Set(products.map((p) => p.name));
  while (products.length < MAVEN.length + EXTRA_PRODUCTS) {
    const name = `The ${ADJECTIVES[rng.int(0, ADJECTIVES.length - 1)]} ${ANIMALS[rng.int(0, ANIMALS.length - 1)]}`;
    if (names.has(name)) continue;
    names.add(name);
    const baseCents = rng.int(3, 18) * 500 - 1;
    products.push({
      id: products.length + 1, name, url: productUrl(name), launchDay: rng.int(-300, 100),
      baseCents, cogsCents: Math.round(baseCents * (0.28 + rng.next() * 0.17)),
      popularity: 0.15 + rng.next() * rng.next() * 1.2, categoryId: leaves[rng.int(0, leaves.length - 1)].id,
      partnerId: 0, refundRate: 0.01 + rng.next() * 0.04, stockoutRate: 0.006 + rng.next() * 0.012,
      priceChangeRate: 0.01 + rng.next() * 0.02,
    });
  }
  // Maven's classic cross-sells: Mini bear goes with everything, Love Bear with Mr. Fuzzy
  const mavenPartners = [4, 1, 4, 1];
  for (const p of products) {
    p.partnerId = p.id <= 4 ? mavenPartners[p.id - 1] : rng.chance(0.5) ? 4 : rng.int(1, products.length);
    if (p.partnerId === p.id) p.partnerId = p.id === 1 ? 2 : 1;
  }
  return { products, categories, leaves };
}
