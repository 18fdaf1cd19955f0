/** The queue kind: its parameters, statistics and capabilities (the runtime is src/nodes/queue.ts). */
import { defineKind, type KindParams } from './define.js';

/** A durable message queue (Kafka topic, SQS queue) with a consumer group delivering to one linked consumer. */
export const queue = defineKind({
  kind: 'queue',
  usesKeys: true,
  label: 'Queue',
  icon: 'queue',
  category: 'async',
  help:
    'A durable message queue (Kafka, SQS): the producer returns once the message is stored; ' +
    'consumers deliver messages to the linked consumer at least once.',
  docs: `A durable message queue between a producer and a consumer (Kafka topic, SQS queue). The producer's call ends as soon
as the message is stored (\`enqueueTime\`), so **its latency excludes the consumer's work** — the class project's +Kafka step.
\`consumers\` (the consumer group) then deliver stored messages to the one linked component, each consumer one message at a
time, and a message is done when the consumer answers ok.

**Partitions.** With \`partitions: 0\` (default) any free consumer takes the next message (SQS). With \`partitions: N\` the
request key picks the partition and each partition is read by one consumer (partition p by consumer p mod consumers, Kafka):
more consumers than partitions sit idle, and a hot key makes a hot partition.

**At least once.** A delivery not answered ok within \`visibilityTimeout\` is delivered again (a timed-out one at once, a
failed one when its visibility timeout ends) while the first consumer may still be working on it — duplicates are the
consumer's problem. After \`maxReceives\` deliveries a message goes to the dead letters. Beyond \`capacity\` stored messages,
producers are **rejected**.

**Failures** (timeline; instance n is consumer n). A killed consumer stops taking messages: they **pile up in the backlog**
while producers still get their quick answer — the lesson of a queue: the work is delayed, not lost. The message it was
delivering is never acknowledged, so it is delivered again when its visibility timeout ends (a redelivery). Its partitions
are not handed to another consumer (no rebalance) until a \`restore\` event brings it back, and it works through the backlog.
\`slow\` multiplies how long a consumer takes per message (from delivery to acknowledgement) by \`factor\`;
past the visibility timeout the message is delivered again. A factor below 1 changes nothing: a consumer cannot
acknowledge before the linked component answers.

Statistics: \`backlog\` (messages waiting: mean, max, at the end; over time in \`series.backlog.<id>\`), \`waitMs\` (enqueue →
first delivery: consumer lag), \`endToEndMs\` (enqueue → processed, reported apart from the producer's latency),
\`redeliveries\`, \`deadLetters\`, \`dropped\`. Under a burst above the consumers' capacity the backlog grows, then drains after.

\`\`\`yaml
orders:
  kind: queue
  consumers: 4
  partitions: 8
  visibilityTimeout: 30s
\`\`\``,
  calls: 'async',
  params: {
    enqueueTime: {
      type: 'dist',
      label: 'Enqueue time',
      help: 'Time to store a message and acknowledge the producer.',
      default: '1ms',
      examples: ['2ms', 'uniform(1ms, 5ms)'],
    },
    consumers: {
      type: 'number',
      integer: true,
      label: 'Consumers',
      help: 'Consumers in the group, each delivering one message at a time.',
      default: 1,
      min: 1,
      max: 10000,
    },
    partitions: {
      type: 'number',
      integer: true,
      label: 'Partitions',
      help: '0: one shared queue (SQS); N: the key picks one of N partitions, each read by one consumer (Kafka).',
      default: 0,
      min: 0,
      max: 10000,
    },
    capacity: {
      type: 'number',
      integer: true,
      label: 'Capacity',
      help: 'Most messages held; beyond this producers are rejected.',
      default: 1000000,
      min: 1,
      max: 1e8,
    },
    visibilityTimeout: {
      type: 'duration',
      label: 'Visibility timeout',
      help: 'A delivery not acknowledged within this time is delivered again.',
      default: '30s',
      min: 0,
      minExclusive: true,
    },
    maxReceives: {
      type: 'number',
      integer: true,
      label: 'Max receives',
      help: 'Deliveries of one message before it goes to the dead letters.',
      default: 5,
      min: 1,
      max: 1000,
    },
    costPerHour: {
      type: 'number',
      label: 'Cost per hour',
      unit: 'USD/h',
      help: 'Price of the brokers per hour (0: ignore; e.g. 0.21 for one AWS MSK kafka.m5.large broker).',
      default: 0,
      min: 0,
      max: 10000,
      advanced: true,
    },
  },
  stats: {
    lag: {
      label: 'Backlog at end',
      unit: 'count',
      badge: true,
      help: 'Messages waiting for a consumer when the measured interval closed.',
    },
    enqueued: { label: 'Enqueued', unit: 'count', help: 'Measured messages stored (their producers answered ok).' },
    dropped: { label: 'Dropped (full)', unit: 'count', help: 'Measured messages refused because the queue held capacity messages.' },
    processed: { label: 'Processed', unit: 'count', help: 'Measured messages the consumer acknowledged (answered ok).' },
    deliveries: { label: 'Deliveries', unit: 'count', help: 'Deliveries of measured messages, redeliveries included.' },
    redeliveries: {
      label: 'Redeliveries',
      unit: 'count',
      help: 'Deliveries that failed, timed out or were lost with a killed consumer, so the message was delivered again.',
    },
    deadLetters: { label: 'Dead letters', unit: 'count', help: 'Measured messages given up after maxReceives deliveries.' },
    backlog: {
      label: 'Backlog',
      unit: 'level',
      help: 'Messages waiting for a consumer: time-averaged mean, max, when the measured interval closed, and after the drain.',
    },
    endToEndMs: {
      label: 'End-to-end time',
      unit: 'summary-ms',
      help: "Enqueue to acknowledgement of measured messages (apart from the producer's latency).",
    },
    cost: { label: 'Cost', unit: 'cost', help: 'The brokers at costPerHour, and per month (reported when costPerHour is set).' },
  },
  series: {
    backlog: { label: 'Backlog', unit: 'count', help: 'Messages waiting for a consumer over time.' },
  },
  instances: (p) => p.consumers,
  timeline: {
    failures: ['kill', 'restore', 'slow'],
  },
  check: (_p, ctx) =>
    ctx.targets.length === 1
      ? []
      : [
          {
            path: [],
            message:
              `a queue delivers to exactly one consumer (it links to ${ctx.targets.length}); ` +
              'put a pubsub in front of several queues for fan-out',
          },
        ],
});

/** A queue component's parameters as the runtime receives them. */
export type QueueParams = KindParams<typeof queue>;
