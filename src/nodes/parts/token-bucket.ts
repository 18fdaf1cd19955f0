/**
 * A token bucket: holds up to `burst` tokens (it starts full) and gains
 * `ratePerMs` tokens per ms. Taking a token at time t succeeds only if one is
 * there, so the tokens taken by t never exceed burst + ratePerMs × t — the
 * bound an API gateway's throttle and a function's scaling rate promise.
 */
export class TokenBucket {
  private tokens: number;
  private last = 0;

  constructor(
    readonly ratePerMs: number,
    readonly burst: number,
  ) {
    this.tokens = burst;
  }

  /** Tokens held at `now` (ms), refilled since the last look. */
  level(now: number): number {
    if (now > this.last) {
      this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.ratePerMs);
      this.last = now;
    }
    return this.tokens;
  }

  /** Take one token at `now` if there is one; false leaves the bucket as it was. */
  take(now: number): boolean {
    // a hair under 1 counts as a whole token: refills by float arithmetic land just short of it
    if (this.level(now) < 1 - 1e-9) return false;
    this.tokens--;
    return true;
  }

  /** Time (ms) from `now` until a token is there (0 if one is). */
  waitFor(now: number): number {
    const missing = 1 - this.level(now);
    return missing <= 1e-9 ? 0 : missing / this.ratePerMs;
  }
}
