// Simulates one website session through the funnel, writing its session row, pageviews and the
// matching RetailRocket events (a `view` per product page, `addtocart` per item put in the cart).
import { CHANNELS, UTM_FIELDS } from './channels.js';
import * as F from './funnel.js';
import { writeOrder } from './order-writer.js';
import type { Rng } from './rng.js';
import type { SimContext } from './sim-context.js';

export interface SessionInput {
  day: number;
  /** epoch second the session starts */
  sec: number;
  channel: number;
  userId: number;
  isRepeat: boolean;
  mobile: boolean;
}

/** Seconds spent on a page before the next one. */
function dwell(rng: Rng, min: number, max: number): number {
  return rng.int(min, max);
}

export function simulateSession(ctx: SimContext, rng: Rng, s: SessionInput): void {
  const { sinks, clock, ids, state, catalog, users } = ctx;
  const sessionId = ++ids.session;
  const channel = CHANNELS[s.channel];
  const suffix = ',' + sessionId + ',';
  let t = s.sec;
  const pageview = (url: string): void => {
    sinks.website_pageviews.line(++ids.pageview + ',' + clock.timestamp(t) + suffix + url + '\n');
  };
  const event = (kind: string, productIndex: number): void => {
    sinks.events.line(t * 1000 + rng.int(0, 999) + ',' + s.userId + ',' + kind + ',' + catalog.products[productIndex].id + ',\n');
  };

  sinks.website_sessions.line(sessionId + ',' + clock.timestamp(t) + ',' + s.userId + ',' + (s.isRepeat ? 1 : 0) + ',' +
    UTM_FIELDS[s.channel] + ',' + (s.mobile ? 'mobile' : 'desktop') + ',' + channel.referer + '\n');
  const landing = channel.landing === 'home' ? F.PAGE.home
    : channel.landing === 'lander-2' ? F.PAGE.lander2
    : rng.chance(0.5) ? F.PAGE.home : F.PAGE.lander1;
  pageview(landing);
  if (rng.chance(F.bounceRate(landing, s.mobile, s.isRepeat))) return;

  t += dwell(rng, 8, 90);
  pageview(F.PAGE.products);
  if (!rng.chance(s.mobile ? F.TO_PRODUCT_PAGE.mobile : F.TO_PRODUCT_PAGE.desktop)) return;

  const launched = state.launched;
  let primary = -1;
  const pages = 1 + rng.geometric(1 - F.ANOTHER_PRODUCT, F.MAX_PRODUCT_PAGES - 1);
  for (let k = 0; k < pages; k++) {
    t += dwell(rng, 10, 120);
    primary = launched[rng.pickCumulative(state.launchedWeights)];
    pageview(catalog.products[primary].url);
    event('view', primary);
  }
  // an out-of-stock product can be viewed but not added to the cart
  let toCart = s.mobile ? F.TO_CART.mobile : F.TO_CART.desktop;
  if (s.isRepeat && users.hasBought(s.userId)) toCart *= F.BUYER_CART_BOOST;
  if (state.available[primary] === 0 || !rng.chance(toCart)) return;

  t += dwell(rng, 15, 150);
  pageview(F.PAGE.cart);
  event('addtocart', primary);
  const items = [primary];
  if (rng.chance(F.CROSS_SELL.second)) addCrossSell(ctx, rng, items);
  if (items.length === 2 && rng.chance(F.CROSS_SELL.third / F.CROSS_SELL.second)) addCrossSell(ctx, rng, items);
  for (let k = 1; k < items.length; k++) {
    t += dwell(rng, 2, 20);
    event('addtocart', items[k]);
  }

  if (!rng.chance(s.mobile ? F.TO_SHIPPING.mobile : F.TO_SHIPPING.desktop)) return;
  t += dwell(rng, 20, 120);
  pageview(F.PAGE.shipping);
  if (!rng.chance(s.mobile ? F.TO_BILLING.mobile : F.TO_BILLING.desktop)) return;
  t += dwell(rng, 30, 180);
  const billing = F.billingPage(s.day, rng.next());
  pageview(billing);
  const pay = billing === F.PAGE.billing ? F.TO_THANK_YOU.billing : F.TO_THANK_YOU.billing2;
  if (!rng.chance(s.mobile ? pay * F.TO_THANK_YOU.mobileFactor : pay)) return;
  t += dwell(rng, 20, 150);
  pageview(F.PAGE.thankYou);
  writeOrder(ctx, rng, t, sessionId, s.userId, items);
}

/** Adds an in-stock launched product not yet in the cart: usually the primary's partner. */
function addCrossSell(ctx: SimContext, rng: Rng, items: number[]): void {
  const { state, catalog } = ctx;
  const partner = catalog.products[items[0]].partnerId - 1;
  const ok = (i: number): boolean =>
    state.available[i] === 1 && catalog.products[i].launchDay <= state.currentDay && !items.includes(i);
  if (rng.chance(F.CROSS_SELL.partnerShare) && ok(partner)) {
    items.push(partner);
    return;
  }
  for (let attempt = 0; attempt < 4; attempt++) {
    const i = state.launched[rng.pickCumulative(state.launchedWeights)];
    if (ok(i)) {
      items.push(i);
      return;
    }
  }
}
