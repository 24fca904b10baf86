// Refunds are decided when an order is placed but written on the day they happen, so each day's
// output only holds that day's refunds and order_item_refund_id grows with created_at.
import type { Clock } from './time-format.js';
import type { CsvSink } from './csv-sink.js';

interface PendingRefund {
  sec: number;
  orderItemId: number;
  orderId: number;
  cents: number;
}

export class RefundQueue {
  private readonly byDay = new Map<number, PendingRefund[]>();

  constructor(private readonly clock: Clock) {}

  schedule(sec: number, orderItemId: number, orderId: number, cents: number): void {
    const day = Math.floor((sec - this.clock.startSec) / 86400);
    let list = this.byDay.get(day);
    if (!list) this.byDay.set(day, (list = []));
    list.push({ sec, orderItemId, orderId, cents });
  }

  /** Writes the refunds dated on `day` in time order; returns the next free refund id. */
  emit(day: number, sink: CsvSink, nextId: number): number {
    const list = this.byDay.get(day);
    if (!list) return nextId;
    this.byDay.delete(day);
    list.sort((a, b) => a.sec - b.sec || a.orderItemId - b.orderItemId);
    for (const r of list) {
      sink.line(`${nextId++},${this.clock.timestamp(r.sec)},${r.orderItemId},${r.orderId},${(r.cents / 100).toFixed(2)}\n`);
    }
    return nextId;
  }
}
