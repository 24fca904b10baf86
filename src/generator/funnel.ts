// The shop's funnel: page names and the chance of moving on at each step. The numbers follow the
// Maven Fuzzy Factory case study (landers beat /home, /billing-2 beats /billing, mobile converts worse).

export const PAGE = {
  home: '/home',
  lander1: '/lander-1',
  lander2: '/lander-2',
  products: '/products',
  cart: '/cart',
  shipping: '/shipping',
  billing: '/billing',
  billing2: '/billing-2',
  thankYou: '/thank-you-for-your-order',
} as const;

/** Before this day everyone gets /billing; then a 50/50 test; from BILLING_2_ONLY_DAY only /billing-2. */
export const BILLING_TEST_DAY = 30;
export const BILLING_2_ONLY_DAY = 60;

/** Chance a session leaves after its landing page. */
export function bounceRate(landing: string, mobile: boolean, repeat: boolean): number {
  const base = landing === PAGE.home ? 0.56 : landing === PAGE.lander1 ? 0.48 : 0.52;
  return base + (mobile ? 0.08 : 0) - (repeat ? 0.1 : 0);
}

export const TO_PRODUCT_PAGE = { desktop: 0.8, mobile: 0.72 };
/** Chance of opening yet another product page after one (geometric browsing). */
export const ANOTHER_PRODUCT = 0.55;
export const MAX_PRODUCT_PAGES = 12;
export const TO_CART = { desktop: 0.46, mobile: 0.3 };
/** Returning buyers add to cart more readily. */
export const BUYER_CART_BOOST = 1.4;
export const TO_SHIPPING = { desktop: 0.68, mobile: 0.6 };
export const TO_BILLING = { desktop: 0.8, mobile: 0.74 };
export const TO_THANK_YOU = { billing: 0.46, billing2: 0.63, mobileFactor: 0.85 };
/** Cross-sell offered on /cart: chance of a second item, then of a third. */
export const CROSS_SELL = { second: 0.24, third: 0.05, partnerShare: 0.6 };
/** Refunds arrive 1-21 days after the order; some are partial (half the item price). */
export const REFUND = { minDays: 1, maxDays: 21, partialShare: 0.2 };

export function billingPage(day: number, coin: number): string {
  if (day < BILLING_TEST_DAY) return PAGE.billing;
  if (day >= BILLING_2_ONLY_DAY) return PAGE.billing2;
  return coin < 0.5 ? PAGE.billing : PAGE.billing2;
}
