/** A FIFO queue on a growable ring buffer: push and shift are O(1), no allocation when warm. */
export class Deque<T> {
  private buf: (T | undefined)[] = new Array(16);
  private head = 0;
  length = 0;

  push(x: T): void {
    if (this.length === this.buf.length) this.grow();
    this.buf[(this.head + this.length++) & (this.buf.length - 1)] = x;
  }

  shift(): T | undefined {
    if (this.length === 0) return undefined;
    const x = this.buf[this.head];
    this.buf[this.head] = undefined;
    this.head = (this.head + 1) & (this.buf.length - 1);
    this.length--;
    return x;
  }

  private grow(): void {
    const n = this.buf.length;
    const b: (T | undefined)[] = new Array(n * 2);
    for (let i = 0; i < n; i++) b[i] = this.buf[(this.head + i) & (n - 1)];
    this.buf = b;
    this.head = 0;
  }
}
