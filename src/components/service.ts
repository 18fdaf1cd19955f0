/**
 * service — an application server. Each instance runs `workers` requests at
 * once; others wait FIFO in its queue (beyond `queueCapacity`: rejected). A
 * request takes `serviceTime ÷ speed`, then the service calls its outgoing
 * links in order, holding the worker (blocking I/O) unless `async`.
 */
import { Node, type BuildContext, type KindDef } from './component.js';
import { Status, type Frame } from '../engine/sim.js';
import { sampler, type DistSpec, type Sampler } from '../engine/distributions.js';
import { Deque } from '../engine/deque.js';
import type { Rng } from '../engine/random.js';

export interface ServiceParams {
  instances: number;
  workers: number;
  serviceTime: DistSpec;
  speed: number;
  queueCapacity: number;
  async: boolean;
}

/** Frame.step while the request holds a worker (blocking), else released. */
const HOLDS = 1;

export class Service extends Node {
  readonly p: ServiceParams;
  private readonly busyAt: Int32Array;
  private readonly queues: Deque<Frame>[];
  private readonly draw: Sampler;
  private readonly rng: Rng;
  private readonly callRng: Rng;
  private readonly pickRng: Rng;
  private readonly hServed: number;
  private readonly capacity;
  rejected = 0;

  constructor(ctx: BuildContext) {
    super('service', ctx);
    this.p = ctx.params as unknown as ServiceParams;
    this.instances = this.p.instances;
    this.busyAt = new Int32Array(this.instances);
    this.queues = Array.from({ length: this.instances }, () => new Deque<Frame>());
    this.draw = sampler(this.p.serviceTime);
    this.rng = ctx.rng;
    this.callRng = ctx.stream('calls');
    this.pickRng = ctx.stream('pick');
    this.hServed = ctx.sim.onFrame((f) => this.served(f));
    this.capacity = ctx.sim.timeAverage();
  }

  override start(): void {
    this.capacity.set(0, this.instances * this.p.workers);
  }

  override receive(f: Frame, inst: number): void {
    this.arrive(f);
    if (inst < 0) inst = this.instances === 1 ? 0 : Math.floor(this.pickRng() * this.instances);
    f.inst = inst;
    if (this.busyAt[inst] < this.p.workers) return this.begin(f);
    const q = this.queues[inst];
    if (q.length < this.p.queueCapacity) {
      q.push(f);
      this.queued.add(this.sim.now, 1);
      return;
    }
    if (f.measured) this.rejected++;
    this.finish(f, Status.rejected);
  }

  /** Load of an instance: requests in service plus waiting (for load balancers). */
  load(inst: number): number {
    return this.busyAt[inst] + this.queues[inst].length;
  }

  private begin(f: Frame): void {
    const now = this.sim.now;
    this.busyAt[f.inst]++;
    this.busy.add(now, 1);
    if (f.measured) this.wait.record(now - f.t0);
    f.step = 0;
    f.mark = HOLDS;
    this.sim.after(this.draw(this.rng) / this.p.speed, this.hServed, f);
  }

  private served(f: Frame): void {
    if (this.p.async) this.release(f);
    this.next(f);
  }

  /** Give back f's worker and start the next waiting request. */
  private release(f: Frame): void {
    if (f.mark !== HOLDS) return;
    f.mark = 0;
    const inst = f.inst;
    this.busyAt[inst]--;
    this.busy.add(this.sim.now, -1);
    const q = this.queues[inst];
    if (q.length) {
      this.queued.add(this.sim.now, -1);
      this.begin(q.shift() as Frame);
    }
  }

  /** Make the next applicable downstream call, or answer. */
  private next(f: Frame): void {
    const out = this.out;
    for (let i = f.step; i < out.length; i++) {
      const l = out[i];
      if (!l.carries(f.route) || (l.p < 1 && this.callRng() >= l.p)) continue;
      f.step = i + 1;
      this.sim.call(f, l);
      return;
    }
    this.done(f, Status.ok);
  }

  override reply(f: Frame, status: Status): void {
    if (status === Status.ok) this.next(f);
    else this.done(f, status);
  }

  private done(f: Frame, status: Status): void {
    this.release(f);
    this.finish(f, status);
  }

  override utilization(): number {
    const cap = this.capacity.mean(this.sim.now);
    return cap > 0 ? this.busy.mean(this.sim.now) / cap : 0;
  }

  override extraStats(): Record<string, unknown> {
    return {
      instances: this.instances,
      rejected: this.rejected,
    };
  }
}

export const service: KindDef = {
  kind: 'service',
  label: 'Service',
  icon: 'service',
  category: 'compute',
  help: 'An application server: instances × workers run requests concurrently, the rest wait FIFO; after its own work it calls its links in order, holding the worker unless async.',
  calls: 'sync',
  params: {
    instances: { type: 'number', integer: true, label: 'Instances', help: 'Identical copies (horizontal scaling). Without a load balancer in front, each request goes to a random instance.', default: 1, min: 1, max: 10000 },
    workers: { type: 'number', integer: true, label: 'Workers', help: 'Requests one instance runs at once (threads or cores).', default: 1, min: 1, max: 100000 },
    serviceTime: { type: 'dist', label: 'Service time', help: 'CPU time of one request on one worker, before downstream calls.', default: 'exp(10ms)', examples: ['exp(5ms)', '20ms', 'lognormal(20ms, 200ms)'] },
    speed: { type: 'number', label: 'Speed', help: 'Service time is divided by this (vertical scaling: 2 = a machine twice as fast).', default: 1, min: 0.001, max: 1000 },
    queueCapacity: { type: 'number', integer: true, label: 'Queue capacity', help: 'Waiting requests per instance; beyond this, requests are rejected. 0 = no waiting room.', default: 10000, min: 0, max: 1000000 },
    async: { type: 'boolean', label: 'Async', help: 'Release the worker before the downstream calls (event-loop server) instead of holding it (blocking I/O).', default: false },
  },
  stats: [
    { key: 'utilization', label: 'Utilisation', unit: 'ratio', badge: true },
    { key: 'rejected', label: 'Rejected', unit: 'count' },
  ],
  create: (ctx) => new Service(ctx),
};
