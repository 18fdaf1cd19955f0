/**
 * pubsub — a topic (SNS-like): each published message is pushed to every linked
 * subscriber, with no acknowledgement and no retry. A delivery that fails (the
 * subscriber is down or overloaded) is lost and counted.
 */
import { Node, type BuildContext, type KindDef } from './node.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type DistSpec, type Sampler } from '../engine/distributions.js';
import type { Rng } from '../engine/random.js';
import { nextLink } from './parts/link.js';

export interface PubsubParams {
  publishTime: DistSpec;
}

export class Pubsub extends Node {
  readonly p: PubsubParams;
  private readonly draw: Sampler;
  private readonly rng: Rng;
  private readonly callRng: Rng;
  private readonly hPublish: number;
  published = 0;
  delivered = 0;
  lost = 0;

  constructor(ctx: BuildContext) {
    super('pubsub', ctx);
    this.p = ctx.params as unknown as PubsubParams;
    this.draw = sampler(this.p.publishTime);
    this.rng = ctx.rng;
    this.callRng = ctx.stream('calls');
    this.hPublish = ctx.sim.onFrame((f) => this.publish(f));
  }

  override receive(f: Frame): void {
    this.arrive(f);
    this.sim.after(this.draw(this.rng), this.hPublish, f);
  }

  /** Fan out: one message frame, one call per matching subscriber; then answer the publisher. */
  private publish(f: Frame): void {
    const m = this.sim.message(f, this);
    if (f.measured) this.published++;
    // step counts outstanding deliveries, +1 while calls are being made (instant links answer at once)
    m.step = 1;
    for (let i = nextLink(this.out, 0, m.route, this.callRng); i >= 0; i = nextLink(this.out, i + 1, m.route, this.callRng)) {
      m.step++;
      this.sim.call(m, this.out[i]);
    }
    this.settle(m);
    this.finish(f, Status.ok);
  }

  override reply(m: Frame, status: Status): void {
    if (m.measured) status === Status.ok ? this.delivered++ : this.lost++;
    this.settle(m);
  }

  private settle(m: Frame): void {
    if (--m.step === 0) this.sim.release(m);
  }

  override extraStats(): Record<string, unknown> {
    return { published: this.published, delivered: this.delivered, lost: this.lost };
  }
}
