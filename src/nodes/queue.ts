/**
 * queue — a durable message queue (Kafka / SQS-like). A producer's call ends
 * once the message is stored (`enqueueTime`); `consumers` then deliver stored
 * messages to the linked consumer, one at a time each, at least once: a
 * delivery not acknowledged within `visibilityTimeout` (or failed) is delivered
 * again, and after `maxReceives` deliveries the message goes to the dead letters.
 * The timeline can kill, restore and slow each consumer.
 *
 * Frame scratch fields at this kind. A producer's call uses none. A message —
 * the frame the queue allocates for each stored message (`sim.message`) — uses:
 * - `m.step`: deliveries so far (not a callNext cursor: a queue calls its one link).
 * - `m.slot`: its partition (0 when unpartitioned).
 * - `m.mark`: the consumer delivering it, or that last delivered it.
 */
import { Node, type BuildContext } from './node.js';
import { Status, type Frame } from '../engine/sim.js';
import { isZero, sampler, type Sampler } from '../engine/distributions.js';
import { Deque } from '../engine/deque.js';
import { Histogram, round, summary3 } from '../engine/stats.js';
import { hash32 } from '../engine/hash.js';
import type { Rng } from '../engine/random.js';
import { Level } from './parts/level.js';
import { costedUntil, HOURS_PER_MONTH } from './parts/cost.js';
import type { KindSeries, KindStats } from '../kinds/define.js';
import type { QueueParams, queue } from '../kinds/queue.js';

/** Consumer states: waiting for a message, delivering one, or killed by the timeline. */
const IDLE = 0,
  BUSY = 1,
  DOWN = 2;

/** The runtime of a queue: stored messages per partition and the consumers delivering them. */
export class Queue extends Node<typeof queue> {
  readonly p: QueueParams;
  private readonly draw: Sampler;
  private readonly instant: boolean;
  private readonly rng: Rng;
  private readonly hStore: number;
  private readonly hVisible: number;
  private readonly hAcked: number;
  /** Waiting (visible) messages per partition; one shared queue when unpartitioned. */
  private readonly parts: Deque<Frame>[];
  // per consumer
  private readonly state: Uint8Array;
  private readonly holding: (Frame | null)[];
  private readonly deliveredAt: Float64Array;
  /** Time from delivery to acknowledgement is multiplied by this (a `slow` event). */
  private readonly slowAt: Float64Array;
  /** The consumer's answer, held while a slowed consumer finishes. */
  private readonly heldStatus: Uint8Array;
  /** Next partition each consumer looks at (round-robin over its partitions). */
  private readonly cursor: Int32Array;
  /** Messages held: waiting, being delivered, or waiting to become visible again. */
  private stored = 0;
  /** Backlog when the measured interval closed (the drain may empty it afterwards). */
  private lagAtEnd: number | undefined;
  readonly backlog: Level;
  readonly endToEnd = new Histogram();
  enqueued = 0;
  dropped = 0;
  deliveries = 0;
  processed = 0;
  redeliveries = 0;
  deadLetters = 0;

  constructor(ctx: BuildContext<typeof queue>) {
    super('queue', ctx);
    this.p = ctx.params;
    this.instances = this.p.consumers;
    this.draw = sampler(this.p.enqueueTime);
    this.instant = isZero(this.p.enqueueTime);
    this.rng = ctx.rng;
    this.hStore = ctx.sim.onFrame((f) => this.store(f), 'enqueue');
    this.hVisible = ctx.sim.onFrame((m) => this.visible(m));
    this.hAcked = ctx.sim.onFrame((m) => this.acked(m, this.heldStatus[m.mark] as Status));
    this.parts = Array.from({ length: Math.max(1, this.p.partitions) }, () => new Deque<Frame>());
    const n = this.p.consumers;
    this.state = new Uint8Array(n);
    this.holding = new Array<Frame | null>(n).fill(null);
    this.deliveredAt = new Float64Array(n);
    this.slowAt = new Float64Array(n).fill(1);
    this.heldStatus = new Uint8Array(n);
    this.cursor = new Int32Array(n);
    this.backlog = new Level(ctx.recorder.series.bucketMs, 0);
  }

  override receive(f: Frame): void {
    this.arrive(f);
    if (this.instant) this.store(f);
    else this.sim.after(this.draw(this.rng), this.hStore, f);
  }

  /** The producer's message is stored (or dropped when full): answer the producer. */
  private store(f: Frame): void {
    if (this.stored >= this.p.capacity) {
      if (f.measured) this.dropped++;
      return this.finish(f, Status.rejected);
    }
    const m = this.sim.message(f, this);
    m.step = 0;
    m.slot = this.p.partitions > 0 ? hash32(f.key) % this.p.partitions : 0;
    this.stored++;
    if (f.measured) this.enqueued++;
    this.visible(m);
    this.finish(f, Status.ok);
  }

  /** Message m can be delivered: hand it to its consumer if idle, else it waits. */
  private visible(m: Frame): void {
    const c = this.idleConsumerFor(m.slot);
    if (c >= 0) return this.deliver(c, m);
    this.parts[m.slot].push(m);
    this.queued.add(this.sim.now, 1);
    this.backlog.add(this.sim.now, 1);
  }

  private idleConsumerFor(part: number): number {
    const n = this.p.consumers;
    if (this.p.partitions > 0) {
      const c = part % n;
      return this.state[c] === IDLE ? c : -1;
    }
    for (let c = 0; c < n; c++) if (this.state[c] === IDLE) return c;
    return -1;
  }

  private deliver(c: number, m: Frame): void {
    const now = this.sim.now;
    this.state[c] = BUSY;
    this.holding[c] = m;
    this.busy.add(now, 1);
    this.deliveredAt[c] = now;
    if (m.step++ === 0 && m.measured) this.wait.record(now - m.t0);
    if (m.measured) this.deliveries++;
    m.mark = c;
    const link = this.out[0];
    if (!link) return; // no consumer linked: the message stays in flight (check() forbids this)
    this.sim.call(m, link, -1, this.p.visibilityTimeout);
  }

  override reply(m: Frame, status: Status): void {
    const c = m.mark,
      factor = this.slowAt[c];
    if (factor > 1 && status !== Status.timeout) return this.holdAnswer(m, c, factor, status);
    this.acked(m, status);
  }

  /**
   * A slowed consumer takes `factor` × as long from delivery to acknowledgement:
   * it acknowledges later — or, past the visibility timeout, not at all.
   */
  private holdAnswer(m: Frame, c: number, factor: number, status: Status): void {
    const took = this.sim.now - this.deliveredAt[c],
      vt = this.p.visibilityTimeout;
    const slowed = took * factor;
    this.heldStatus[c] = slowed >= vt ? Status.timeout : status;
    this.sim.after(Math.min(slowed, vt) - took, this.hAcked, m);
  }

  /** Consumer m.mark is done with m (acknowledged, failed or timed out): settle m, take the next message. */
  private acked(m: Frame, status: Status): void {
    const c = m.mark,
      now = this.sim.now;
    this.state[c] = IDLE;
    this.holding[c] = null;
    this.busy.add(now, -1);
    if (status === Status.ok) {
      if (m.measured) {
        this.processed++;
        this.endToEnd.record(now - m.t0);
      }
      this.stored--;
      this.sim.release(m);
    } else this.unacked(m, this.deliveredAt[c], status === Status.timeout);
    this.pull(c);
  }

  /**
   * A delivery of m ended unacknowledged: m goes to the dead letters after
   * maxReceives, else it is visible again — at once after a timeout, when its
   * visibility timeout ends otherwise.
   */
  private unacked(m: Frame, deliveredAt: number, timedOut: boolean): void {
    if (m.step >= this.p.maxReceives) {
      if (m.measured) this.deadLetters++;
      this.stored--;
      this.sim.release(m);
      return;
    }
    if (m.measured) this.redeliveries++;
    if (timedOut) this.visible(m);
    else this.sim.at(deliveredAt + this.p.visibilityTimeout, this.hVisible, m);
  }

  /** Consumer c is free: take the next waiting message from its partitions. */
  private pull(c: number): void {
    if (this.state[c] !== IDLE) return;
    const P = this.parts.length,
      n = this.p.consumers;
    if (this.p.partitions === 0) return this.take(c, 0);
    for (let k = 0; k < P; k++) {
      const part = (this.cursor[c] + k) % P;
      if (part % n !== c || !this.parts[part].length) continue;
      this.cursor[c] = part + 1;
      return this.take(c, part);
    }
  }

  private take(c: number, part: number): void {
    const q = this.parts[part];
    if (!q.length) return;
    const now = this.sim.now;
    this.queued.add(now, -1);
    this.backlog.add(now, -1);
    this.deliver(c, q.shift() as Frame);
  }

  // ---- the timeline: instance c is consumer c ------------------------------

  /**
   * Consumer c stops taking messages until restored. The message it was
   * delivering is never acknowledged: it is delivered again when its visibility
   * timeout ends.
   */
  override kill(c: number): void {
    const was = this.state[c];
    if (was === DOWN) return;
    this.state[c] = DOWN;
    if (was === BUSY) this.abandon(c);
  }

  /** Consumer c takes messages again. */
  override restore(c: number): void {
    if (this.state[c] !== DOWN) return;
    this.state[c] = IDLE;
    this.pull(c);
  }

  /** Multiply consumer c's time from delivery to acknowledgement by `factor` (1: normal again; below 1: no effect). */
  override slow(c: number, factor: number): void {
    this.slowAt[c] = factor;
  }

  /** Killed consumer c loses the message it held. */
  private abandon(c: number): void {
    const m = this.holding[c] as Frame;
    this.holding[c] = null;
    this.busy.add(this.sim.now, -1);
    // the same message in a fresh frame: the lost delivery's answer and timers name the old one, so they are dropped
    const again = this.sim.message(m, this);
    again.t0 = m.t0;
    again.step = m.step;
    again.slot = m.slot;
    again.mark = c;
    this.sim.release(m);
    this.unacked(again, this.deliveredAt[c], false);
  }

  override costUsd(now: number): number {
    return (now / 3_600_000) * this.p.costPerHour;
  }

  override timeSeries(bucketMs: number, n: number, now: number): KindSeries<typeof queue> {
    return { backlog: this.backlog.series(bucketMs, n, now) };
  }

  override utilization(): number {
    return this.busy.mean(this.sim.now) / this.p.consumers;
  }

  override windowClosed(): void {
    this.lagAtEnd = this.backlog.value;
  }

  override extraStats(): KindStats<typeof queue> {
    const now = costedUntil(this.sim);
    const lag = this.lagAtEnd ?? this.backlog.value;
    return {
      enqueued: this.enqueued,
      dropped: this.dropped,
      processed: this.processed,
      deliveries: this.deliveries,
      redeliveries: this.redeliveries,
      deadLetters: this.deadLetters,
      lag,
      backlog: { mean: round(this.queued.mean(now), 3), max: this.backlog.max, end: lag, afterDrain: this.backlog.value },
      endToEndMs: summary3(this.endToEnd),
      // a fixed price per hour: the month costs exactly that, nothing to extrapolate
      ...(this.p.costPerHour
        ? { cost: { run: round(this.costUsd(now), 6), perMonth: round(this.p.costPerHour * HOURS_PER_MONTH, 2) } }
        : {}),
    };
  }
}
