/** The pubsub kind: its parameters, statistics and capabilities (the runtime is src/nodes/pubsub.ts). */
import { defineKind } from './define.js';

/** A publish/subscribe topic: fans each message out to every subscriber, with no acknowledgement. */
export const pubsub = defineKind({
  kind: 'pubsub',
  label: 'Pub/sub topic',
  icon: 'pubsub',
  category: 'async',
  help:
    'A topic (SNS-like): each message is pushed to every linked subscriber with no acknowledgement; ' +
    'deliveries to a down subscriber are lost.',
  docs: `A publish/subscribe topic (AWS SNS, Google Pub/Sub push). The publisher's call ends after \`publishTime\`;
every linked subscriber gets its own copy of the message (a link's \`routes\` filters which messages a subscriber
gets, like a subscription filter). There is **no acknowledgement and no retry**: a delivery that fails — the
subscriber is down, overloaded, or times out — is **lost** and counted in \`lost\`. That is the lecture's "SNS: no
acknowledgement" point: put a \`queue\` between the topic and each subscriber and delivery becomes durable, since the
queue stores the message while its consumer is down and delivers it once it is back (the SNS → SQS fan-out pattern).

\`\`\`yaml
orderPlaced: { kind: pubsub }
# links: orderPlaced → emailQueue, orderPlaced → analytics
\`\`\``,
  calls: 'async',
  params: {
    publishTime: {
      type: 'dist',
      label: 'Publish time',
      help: 'Time to accept a message and acknowledge the publisher.',
      default: '1ms',
      examples: ['2ms'],
    },
  },
  stats: {
    lost: {
      label: 'Lost',
      unit: 'count',
      badge: true,
      help: 'Deliveries that failed (subscriber down, overloaded or timed out): with no acknowledgement and no retry, the message is gone.',
    },
    delivered: { label: 'Delivered', unit: 'count', help: 'Deliveries a subscriber answered successfully.' },
    published: {
      label: 'Published',
      unit: 'count',
      help: 'Messages accepted from publishers, each fanned out to every matching subscriber.',
    },
  },
  check: (_p, ctx) => (ctx.targets.length ? [] : [{ path: [], message: 'a pubsub topic needs at least one subscriber link' }]),
});
