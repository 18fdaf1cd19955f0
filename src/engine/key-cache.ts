/**
 * A bounded set of integer keys with LRU, LFU or FIFO eviction, O(1) per
 * operation, for caches of millions of keys: slots live in typed arrays linked
 * into circular doubly linked lists (one list for LRU/FIFO; one per use count
 * for LFU, evicting the least recently used of the least frequently used —
 * the O(1) LFU of Shah, Mitra & Matani 2010). A Map gives key → slot.
 */

export type EvictionPolicy = 'lru' | 'lfu' | 'fifo';

export class KeyCache {
  /** Keys held now. */
  size = 0;
  /** Set by insert() when it evicted a key. */
  evictedKey = -1;
  evictedDirty = false;
  /** Per slot: time the key was (re)inserted, and whether it holds an unwritten change. */
  insertedAt = new Float64Array(0);
  dirty = new Uint8Array(0);
  private keys = new Float64Array(0);
  private next = new Int32Array(0);
  private prev = new Int32Array(0);
  /** List a slot is in: its use count for LFU, else 1. */
  private list = new Int32Array(0);
  private readonly heads = new Map<number, number>();
  private readonly slots = new Map<number, number>();
  private freeSlots: number[] = [];
  private used = 0;
  private minList = 1;

  constructor(
    readonly capacity: number,
    readonly policy: EvictionPolicy,
  ) {
    this.grow(Math.min(capacity, 1024));
  }

  /** The slot holding `key`, or -1. */
  find(key: number): number {
    const s = this.slots.get(key);
    return s === undefined ? -1 : s;
  }

  keyAt(slot: number): number {
    return this.keys[slot];
  }

  /** Record a use of `slot`: LRU moves it to the front, LFU raises its count, FIFO does nothing. */
  touch(slot: number): void {
    if (this.policy === 'fifo') return;
    const from = this.list[slot];
    const to = this.policy === 'lfu' ? from + 1 : from;
    this.unlink(slot);
    if (this.policy === 'lfu' && from === this.minList && !this.heads.has(from)) this.minList = to;
    this.pushFront(slot, to);
  }

  /**
   * Add `key` (which must be absent) at time `now`; evicts first when full
   * (evictedKey/evictedDirty tell which). Returns the slot, or -1 when capacity is 0.
   */
  insert(key: number, now: number, dirty = false): number {
    this.evictedKey = -1;
    this.evictedDirty = false;
    if (this.capacity <= 0) return -1;
    if (this.size >= this.capacity) {
      const head = this.heads.get(this.minList) as number;
      const victim = this.prev[head];
      this.evictedKey = this.keys[victim];
      this.evictedDirty = this.dirty[victim] === 1;
      this.drop(victim); // minList is reset below: the new key's count is 1
    }
    let slot = this.freeSlots.pop();
    if (slot === undefined) {
      if (this.used === this.keys.length) this.grow(Math.min(this.capacity, this.keys.length * 2));
      slot = this.used++;
    }
    this.keys[slot] = key;
    this.insertedAt[slot] = now;
    this.dirty[slot] = dirty ? 1 : 0;
    this.slots.set(key, slot);
    this.size++;
    this.minList = 1;
    this.pushFront(slot, 1);
    return slot;
  }

  /** Drop the key in `slot`. */
  remove(slot: number): void {
    const l = this.list[slot];
    this.drop(slot);
    if (l === this.minList && !this.heads.has(l) && this.heads.size) this.minList = this.smallestList();
  }

  private drop(slot: number): void {
    this.unlink(slot);
    this.slots.delete(this.keys[slot]);
    this.freeSlots.push(slot);
    this.size--;
  }

  // Only reached when an LFU removal empties the smallest list outside eviction
  // order (TTL expiry, invalidation): O(number of distinct counts), rare.
  private smallestList(): number {
    let m = Infinity;
    for (const k of this.heads.keys()) if (k < m) m = k;
    return m;
  }

  private pushFront(slot: number, l: number): void {
    this.list[slot] = l;
    const head = this.heads.get(l);
    if (head === undefined) {
      this.next[slot] = this.prev[slot] = slot;
    } else {
      const tail = this.prev[head];
      this.next[slot] = head;
      this.prev[slot] = tail;
      this.next[tail] = slot;
      this.prev[head] = slot;
    }
    this.heads.set(l, slot);
  }

  private unlink(slot: number): void {
    const l = this.list[slot],
      n = this.next[slot],
      p = this.prev[slot];
    if (n === slot) {
      this.heads.delete(l);
      return;
    }
    this.next[p] = n;
    this.prev[n] = p;
    if (this.heads.get(l) === slot) this.heads.set(l, n);
  }

  private grow(n: number): void {
    const copy = <T extends Float64Array | Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.keys = copy(this.keys, new Float64Array(n));
    this.next = copy(this.next, new Int32Array(n));
    this.prev = copy(this.prev, new Int32Array(n));
    this.list = copy(this.list, new Int32Array(n));
    this.insertedAt = copy(this.insertedAt, new Float64Array(n));
    this.dirty = copy(this.dirty, new Uint8Array(n));
  }
}
