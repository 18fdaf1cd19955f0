/**
 * pubsub — a topic (SNS-like): each published message is pushed to every linked
 * subscriber, with no acknowledgement and no retry. A delivery that fails (the
 * subscriber is down or overloaded) is lost and counted.
 *
 * Frame scratch fields at this kind:
 * - the publisher's frame `f` uses none (it waits `publishTime`, then is answered);
 * - the message frame `m` (one per published message, `sim.message`) keeps in
 *   `step` the deliveries still outstanding, plus one while the calls are being
 *   made (an instant link may answer before the loop ends); `m` is released at 0.
 */
import { Node, type BuildContext } from './node.js';
import type { KindStats } from '../kinds/define.js';
import type { pubsub } from '../kinds/pubsub.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type Sampler } from '../engine/distributions.js';
import type { Rng } from '../engine/random.js';
import { nextLink } from './parts/link.js';

/** The hold `step` keeps on a message while its deliveries are being sent. */
const SENDING = 1;

/** A pub/sub topic at run time: fans each message out and counts what is lost. */
export class Pubsub extends Node<typeof pubsub> {
  private readonly draw: Sampler;
  private readonly rng: Rng;
  private readonly callRng: Rng;
  private readonly hPublish: number;
  published = 0;
  delivered = 0;
  lost = 0;

  constructor(ctx: BuildContext<typeof pubsub>) {
    super('pubsub', ctx);
    this.draw = sampler(ctx.params.publishTime);
    this.rng = ctx.rng;
    this.callRng = ctx.stream('calls');
    this.hPublish = ctx.sim.onFrame((f) => this.publish(f), 'publish');
  }

  override receive(f: Frame): void {
    this.arrive(f);
    this.sim.after(this.draw(this.rng), this.hPublish, f);
  }

  /** Fan out: one message frame, one call per matching subscriber; then answer the publisher. */
  private publish(f: Frame): void {
    const m = this.sim.message(f, this);
    if (f.measured) this.published++;
    m.step = SENDING;
    const out = this.out;
    for (let i = nextLink(out, 0, m.route, this.callRng); i >= 0; i = nextLink(out, i + 1, m.route, this.callRng)) {
      m.step++;
      this.sim.call(m, out[i]);
    }
    this.settle(m);
    this.finish(f, Status.ok);
  }

  override reply(m: Frame, status: Status): void {
    if (m.measured) status === Status.ok ? this.delivered++ : this.lost++;
    this.settle(m);
  }

  /** One delivery (or the sending hold) is over: release the message when none is left. */
  private settle(m: Frame): void {
    if (--m.step === 0) this.sim.release(m);
  }

  override extraStats(): KindStats<typeof pubsub> {
    return { published: this.published, delivered: this.delivered, lost: this.lost };
  }
}
