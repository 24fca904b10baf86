// Writes one order placed on /thank-you-for-your-order: the orders row, its order_items (primary
// first, then cross-sells), one RetailRocket `transaction` event per item, and any future refunds.
import { REFUND } from './funnel.js';
import type { Rng } from './rng.js';
import { usd, type SimContext } from './sim-context.js';

/**
 * @param items product indices (0-based) in the cart, the primary product first
 * @param sec the second the thank-you page was shown
 */
export function writeOrder(ctx: SimContext, rng: Rng, sec: number, sessionId: number, userId: number, items: number[]): void {
  const { sinks, state, catalog, ids, clock } = ctx;
  const orderId = ++ids.order;
  const ts = clock.timestamp(sec);
  let priceCents = 0;
  let cogsCents = 0;
  for (const i of items) {
    priceCents += state.priceCents[i];
    cogsCents += catalog.products[i].cogsCents;
  }
  const primary = catalog.products[items[0]];
  sinks.orders.line(`${orderId},${ts},${sessionId},${userId},${primary.id},${items.length},${usd(priceCents)},${usd(cogsCents)}\n`);
  for (let k = 0; k < items.length; k++) {
    const p = catalog.products[items[k]];
    const price = state.priceCents[items[k]];
    const itemId = ++ids.orderItem;
    sinks.order_items.line(`${itemId},${ts},${orderId},${p.id},${k === 0 ? 1 : 0},${usd(price)},${usd(p.cogsCents)}\n`);
    sinks.events.line(`${sec * 1000 + rng.int(0, 999)},${userId},transaction,${p.id},${orderId}\n`);
    if (rng.chance(p.refundRate)) {
      const when = sec + rng.int(REFUND.minDays, REFUND.maxDays) * 86400 + rng.int(0, 86399);
      const cents = rng.chance(REFUND.partialShare) ? Math.round(price / 2) : price;
      ctx.refunds.schedule(when, itemId, orderId, cents);
    }
  }
  ctx.users.recordOrder(userId);
}
