/**
 * Guarded calls: a per-attempt timeout, retries with exponential backoff and
 * jitter, and a circuit breaker, for any link (`timeout`, `retries`,
 * `circuitBreaker` on the link) and for a client's own requests.
 *
 * A Guard sits between a caller and a link: `sim.call` over a guarded link
 * delivers the call to the guard, which makes the attempts over the link itself
 * and answers the caller once. Callers need no code of their own for any of it.
 * A timed-out attempt is abandoned, not cancelled: the server it reached keeps
 * working on it (the origin of retry storms).
 */
import { Status, type Frame, type Receiver, type Sim, type Wire } from '../../engine/sim.js';
import type { BreakerParams, GuardParams, RetryParams } from '../../kinds/guard-params.js';
import type { Rng } from '../../engine/random.js';
import type { Node } from '../node.js';

/** True when settings ask for anything a guard does. */
export const needsGuard = (p: GuardParams): boolean =>
  p.timeout !== undefined || (p.retries?.max ?? 0) > 0 || p.circuitBreaker !== undefined;

const CLOSED = 0,
  OPEN = 1,
  HALF_OPEN = 2;
const SLOTS = 10;

/** A circuit breaker over a sliding window of SLOTS time slots. */
export class Breaker {
  state = CLOSED;
  opens = 0;
  private readonly p: BreakerParams;
  private readonly calls = new Int32Array(SLOTS);
  private readonly fails = new Int32Array(SLOTS);
  private readonly slotMs: number;
  private slot = 0;
  private openUntil = 0;
  private probes = 0;
  private probeOk = 0;

  constructor(p: BreakerParams) {
    this.p = p;
    this.slotMs = this.p.window / SLOTS;
  }

  /** May a call go out now? (Counts a half-open probe when it may.) */
  allow(now: number): boolean {
    if (this.state === OPEN) {
      if (now < this.openUntil) return false;
      this.state = HALF_OPEN;
      this.probes = this.probeOk = 0;
    }
    if (this.state === HALF_OPEN) {
      if (this.probes >= this.p.halfOpenProbes) return false;
      this.probes++;
    }
    return true;
  }

  /** Record the outcome of a call that was allowed. */
  record(now: number, ok: boolean): void {
    if (this.state === HALF_OPEN) {
      if (!ok) return this.trip(now);
      if (++this.probeOk >= this.p.halfOpenProbes) {
        this.state = CLOSED;
        this.calls.fill(0);
        this.fails.fill(0);
      }
      return;
    }
    if (this.state === OPEN) return;
    const k = Math.floor(now / this.slotMs);
    if (k > this.slot) {
      for (let j = Math.max(this.slot + 1, k - SLOTS + 1); j <= k; j++) this.calls[j % SLOTS] = this.fails[j % SLOTS] = 0;
      this.slot = k;
    }
    this.calls[k % SLOTS]++;
    if (ok) return;
    this.fails[k % SLOTS]++;
    let calls = 0,
      fails = 0;
    for (let j = 0; j < SLOTS; j++) (calls += this.calls[j]), (fails += this.fails[j]);
    if (calls >= this.p.minCalls && fails >= this.p.failureRate * calls) this.trip(now);
  }

  private trip(now: number): void {
    this.state = OPEN;
    this.opens++;
    this.openUntil = now + this.p.openFor;
  }
}

/**
 * Makes the attempts of a call over one wire. A call's frame (whose `at` is the
 * guard) keeps its attempt count in `step`; attempts go to `c.inst`.
 */
export class Guard implements Wire, Receiver {
  readonly to = this;
  readonly instant = true;
  readonly guard = null;
  /** Traces draw a guard on its caller's row, named after the component its link reaches. */
  readonly isInline = true;
  readonly timeout: number;
  readonly retries: RetryParams;
  readonly breaker: Breaker | null;
  /** Measured attempts, retries, attempt timeouts and other failed attempts, calls failed fast by the open breaker. */
  attempts = 0;
  retried = 0;
  timeouts = 0;
  failures = 0;
  shortCircuited = 0;
  private readonly hRetry: number;

  constructor(
    readonly wire: Wire,
    private readonly sim: Sim,
    private readonly rng: Rng,
    p: GuardParams,
  ) {
    this.timeout = p.timeout ?? 0;
    this.retries = p.retries ?? { max: 0, backoff: 0, multiplier: 1, jitter: 0 };
    this.breaker = p.circuitBreaker ? new Breaker(p.circuitBreaker) : null;
    this.hRetry = sim.onFrame((c) => (c.parent === null ? sim.respond(c, Status.timeout) : this.send(c)), 'backoff');
  }

  /** The component the guarded link reaches. */
  get id(): string {
    return this.wire.to.id ?? '?';
  }

  latency(): number {
    return 0;
  }

  receive(c: Frame): void {
    c.step = 0;
    this.send(c);
  }

  private send(c: Frame): void {
    const b = this.breaker;
    if (b !== null && !b.allow(this.sim.now)) {
      if (c.measured) this.shortCircuited++;
      return this.sim.respond(c, Status.error);
    }
    c.attempt = c.step++;
    if (c.measured) this.attempts++;
    this.sim.attempt(c, this.wire, c.inst, this.timeout);
  }

  reply(c: Frame, status: Status): void {
    const ok = status === Status.ok;
    if (this.breaker !== null) this.breaker.record(this.sim.now, ok);
    if (!ok && c.measured) status === Status.timeout ? this.timeouts++ : this.failures++;
    // no retry once the caller has stopped waiting (its own timeout detached c)
    if (ok || c.step > this.retries.max || c.parent === null) return this.sim.respond(c, status);
    if (c.measured) this.retried++;
    const r = this.retries;
    const wait = r.backoff * r.multiplier ** (c.step - 1);
    this.sim.after(wait * (1 - r.jitter * this.rng()), this.hRetry, c);
  }

  stats(): Record<string, number | string> {
    const b = this.breaker;
    return {
      attempts: this.attempts,
      retries: this.retried,
      timeouts: this.timeouts,
      failures: this.failures,
      ...(b ? { shortCircuited: this.shortCircuited, breakerOpens: b.opens, breaker: ['closed', 'open', 'half-open'][b.state] } : {}),
    };
  }
}

/** Per-target call statistics of a component's guarded links: `calls: {<target>: {attempts, retries, ...}}`. */
export function callStats(n: Node): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const l of n.out) if (l.guard) out[l.to.id] = l.guard.stats();
  return Object.keys(out).length ? { calls: out } : {};
}
