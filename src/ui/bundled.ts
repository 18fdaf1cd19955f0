/**
 * The scenarios shipped in scenarios/*.yaml, bundled as text, in course order:
 * each file has a topic and a one-line summary in `COURSE` below.
 */
const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/**
 * The course's topics, in the order it teaches them: measuring a system, scaling it out, running it
 * (deploys, VMs and containers), its data tier, asynchronous messaging, microservices, serverless, and
 * failure and protection. docs/course.md is the syllabus in the same order.
 */
export const TOPICS = [
  'Basics',
  'Scaling out',
  'Operations',
  'The data tier',
  'Asynchronous messaging',
  'Microservices',
  'Serverless',
  'Failure and protection',
] as const;

/** A topic of the course; "More scenarios" holds a bundled file the course table does not name. */
export type Topic = (typeof TOPICS)[number] | 'More scenarios';

/** Where each bundled file sits in the course: its topic and what it teaches, in one line. Order within a topic is course order. */
const COURSE: Record<string, { topic: Topic; line: string }> = {
  'mm1.yaml': { topic: 'Basics', line: 'One server at 80 % busy: why the p99 is five times the mean.' },
  'jmeter-closed.yaml': { topic: 'Basics', line: 'A load test like JMeter: threads that wait for each answer.' },
  'monolith-lab.yaml': { topic: 'Basics', line: 'The Locust lab, route by route: one slow first request is the p95.' },
  'request-trace.yaml': { topic: 'Basics', line: 'A percentile says how slow, a trace says why: miss, pool wait, retry.' },
  'load-balanced.yaml': { topic: 'Scaling out', line: 'One, three or four instances behind a load balancer.' },
  'vertical-vs-horizontal.yaml': {
    topic: 'Scaling out',
    line: 'Traffic doubles: a bigger machine or a second one, and what a live resize costs.',
  },
  'dns-round-robin.yaml': { topic: 'Scaling out', line: 'DNS round robin balances lookups: four big resolvers load one server twice.' },
  'cdn-offload.yaml': { topic: 'Scaling out', line: 'Serve static content from an edge close to the users.' },
  'autoscaling.yaml': { topic: 'Scaling out', line: 'A traffic spike, and instances that take a minute to arrive.' },
  'vm-vs-container.yaml': { topic: 'Operations', line: 'The same autoscaler starting VMs (minutes) or containers (seconds).' },
  'rolling-deploy.yaml': { topic: 'Operations', line: 'Ship a new version: rolling, surge or recreate, and the headroom each needs.' },
  'cmpe273-progression.yaml': { topic: 'The data tier', line: 'The class project: +pool, +Redis, +Kafka, then 1, 3 and 4 instances.' },
  'read-replicas.yaml': { topic: 'The data tier', line: 'Spread reads over replicas, and pay with stale reads.' },
  'sharding-hot-key.yaml': { topic: 'The data tier', line: 'Four shards: even keys, then one hot key.' },
  'kafka-async.yaml': { topic: 'Asynchronous messaging', line: 'Answer at enqueue and let a consumer absorb the burst.' },
  'pubsub-vs-queue.yaml': { topic: 'Asynchronous messaging', line: 'A subscriber goes down: lost messages, or a durable queue.' },
  'gateway-routes.yaml': { topic: 'Microservices', line: 'An API gateway routes /auth, /orders and /payments to their own services.' },
  'monolith-crash.yaml': { topic: 'Microservices', line: 'One buggy route crashes every route, until the monolith is split.' },
  'picasso.yaml': {
    topic: 'Microservices',
    line: 'The course marketplace: gateway, CQRS, fan-out, and the scale cube’s X, Y and Z.',
  },
  'ec2-vs-lambda.yaml': { topic: 'Serverless', line: 'The same API on an always-on instance and on Lambda: latency and cost.' },
  'serverless-cost.yaml': { topic: 'Serverless', line: 'A trickle costs nothing on Lambda (free tier); a steady load costs less on EC2.' },
  'health-checks.yaml': { topic: 'Failure and protection', line: 'An instance dies: health checks route around it.' },
  'dns-ttl-failover.yaml': { topic: 'Failure and protection', line: 'A web server dies: users keep its address for the DNS TTL.' },
  'retry-storm.yaml': { topic: 'Failure and protection', line: 'A slowdown, timeouts and instant retries multiply the load.' },
  'rate-limiting.yaml': { topic: 'Failure and protection', line: 'A burst against a token bucket and a leaky bucket.' },
};

/** A bundled scenario: file name, title (first `title:` line), text, and its place in the course. */
export interface Bundled {
  file: string;
  title: string;
  text: string;
  topic: Topic;
  /** What the scenario teaches, in one line (empty for a file the course table does not name). */
  line: string;
}

const courseOrder = Object.keys(COURSE);
/** Position of a file in course order; files the table does not name come last, by title. */
const rank = (file: string) => (courseOrder.includes(file) ? courseOrder.indexOf(file) : courseOrder.length);

/** Every bundled scenario, in course order (basics first). */
export const bundled: Bundled[] = Object.entries(files)
  .map(([path, text]) => {
    const file = path.split('/').pop()!;
    const title =
      /^title:\s*(.+)$/m
        .exec(text)?.[1]
        ?.replace(/^["']|["']$/g, '')
        .trim() || file;
    const place = Object.hasOwn(COURSE, file) ? COURSE[file] : { topic: 'More scenarios' as const, line: '' };
    return { file, title, text, ...place };
  })
  .sort((a, b) => rank(a.file) - rank(b.file) || a.title.localeCompare(b.title));

/** The bundled scenarios grouped by topic, topics in course order (empty topics left out). */
export function byTopic(list: readonly Bundled[] = bundled): { topic: Topic; scenarios: Bundled[] }[] {
  const topics: Topic[] = [...TOPICS, 'More scenarios'];
  return topics.map((topic) => ({ topic, scenarios: list.filter((b) => b.topic === topic) })).filter((g) => g.scenarios.length);
}
