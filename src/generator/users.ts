// The visitor pool: new visitors get the next user_id; repeat sessions pick an earlier visitor,
// biased towards recent ones and towards past buyers (so a minority buys again, as in real shops).
import type { Rng } from './rng.js';

const REPEAT_SHARE = 0.17;
/** Days over which the repeat share ramps up from zero (nobody can return on day one). */
const RAMP_DAYS = 14;
const BUYER_SHARE_OF_REPEATS = 0.4;

export class UserPool {
  /** users created so far; user ids are 1..count */
  count = 0;
  private devices = new Uint8Array(1 << 16);
  private buyers = new Int32Array(1 << 12);
  private buyerCount = 0;
  private ordersByUser = new Uint16Array(1 << 16);

  repeatChance(day: number): number {
    return this.count === 0 ? 0 : REPEAT_SHARE * Math.min(1, (day + 1) / RAMP_DAYS);
  }

  /** Creates a user and remembers its device (1 = mobile). */
  create(mobile: boolean): number {
    const id = ++this.count;
    if (id >= this.devices.length) {
      this.devices = grow(this.devices, id);
      this.ordersByUser = grow(this.ordersByUser, id);
    }
    this.devices[id] = mobile ? 1 : 0;
    return id;
  }

  /** An earlier user; squaring the uniform draw favours recent ids. */
  pickReturning(rng: Rng): number {
    const r = rng.next();
    if (this.buyerCount > 0 && rng.chance(BUYER_SHARE_OF_REPEATS)) {
      return this.buyers[this.buyerCount - 1 - Math.floor(this.buyerCount * r * r)];
    }
    return this.count - Math.floor(this.count * r * r);
  }

  isMobile(user: number): boolean {
    return this.devices[user] === 1;
  }

  hasBought(user: number): boolean {
    return this.ordersByUser[user] > 0;
  }

  recordOrder(user: number): void {
    if (this.ordersByUser[user] === 0) {
      if (this.buyerCount === this.buyers.length) this.buyers = grow(this.buyers, this.buyerCount);
      this.buyers[this.buyerCount++] = user;
    }
    if (this.ordersByUser[user] < 65535) this.ordersByUser[user]++;
  }
}

function grow<T extends Uint8Array | Uint16Array | Int32Array>(arr: T, need: number): T {
  let size = arr.length * 2;
  while (size <= need) size *= 2;
  const next = new (arr.constructor as new (n: number) => T)(size);
  next.set(arr);
  return next;
}
