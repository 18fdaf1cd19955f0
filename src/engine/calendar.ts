/**
 * The event calendar: a binary min-heap on (time, sequence) kept in typed
 * arrays, so a million pending events cost no objects. Each event carries a
 * handler number and two integers; the simulator gives them meaning.
 */
export class Calendar {
  private time: Float64Array;
  private seq: Float64Array;
  private handler: Int32Array;
  private a: Int32Array;
  private b: Int32Array;
  private n = 0;
  private next = 0;

  /** The event most recently popped. */
  topTime = 0;
  topHandler = 0;
  topA = 0;
  topB = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.handler = new Int32Array(capacity);
    this.a = new Int32Array(capacity);
    this.b = new Int32Array(capacity);
  }

  get size(): number {
    return this.n;
  }

  /** Time of the earliest event (Infinity when empty). */
  peekTime(): number {
    return this.n ? this.time[0] : Infinity;
  }

  push(t: number, handler: number, a: number, b: number): void {
    if (this.n === this.time.length) this.grow();
    const time = this.time,
      seq = this.seq;
    const s = this.next++;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = time[p];
      if (pt < t || (pt === t && seq[p] < s)) break;
      this.move(p, i);
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    this.handler[i] = handler;
    this.a[i] = a;
    this.b[i] = b;
  }

  /** Remove the earliest event into top* if there is one at or before `until`. */
  popUntil(until: number): boolean {
    return this.n > 0 && this.time[0] <= until && this.pop();
  }

  /** Remove the earliest event into top*; false when empty. */
  pop(): boolean {
    if (this.n === 0) return false;
    this.topTime = this.time[0];
    this.topHandler = this.handler[0];
    this.topA = this.a[0];
    this.topB = this.b[0];
    const n = --this.n;
    if (n === 0) return true;
    const time = this.time,
      seq = this.seq;
    const t = time[n],
      s = seq[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r;
      if (t < time[c] || (t === time[c] && s < seq[c])) break;
      this.move(c, i);
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    this.handler[i] = this.handler[n];
    this.a[i] = this.a[n];
    this.b[i] = this.b[n];
    return true;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.seq[to] = this.seq[from];
    this.handler[to] = this.handler[from];
    this.a[to] = this.a[from];
    this.b[to] = this.b[from];
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const grow = <T extends Float64Array | Int32Array>(x: T, make: (n: number) => T): T => {
      const y = make(cap);
      y.set(x);
      return y;
    };
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.seq = grow(this.seq, (n) => new Float64Array(n));
    this.handler = grow(this.handler, (n) => new Int32Array(n));
    this.a = grow(this.a, (n) => new Int32Array(n));
    this.b = grow(this.b, (n) => new Int32Array(n));
  }
}
