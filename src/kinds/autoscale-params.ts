/** Descriptor of a service's `autoscale` block (the runtime is src/nodes/parts/autoscale.ts). */
import type { Param, ParamsOf } from './params.js';

/** Kubernetes HPA-like autoscaling; absent means off, and every field given a default. */
export const autoscaleParam = {
  type: 'object',
  label: 'Autoscale',
  help: 'Add and remove instances to keep utilisation near a target (Kubernetes HPA); off when absent.',
  optional: true,
  advanced: true,
  fields: {
    min: { type: 'number', integer: true, label: 'Min instances', help: 'Fewest instances.', default: 1, min: 1, max: 10000 },
    max: { type: 'number', integer: true, label: 'Max instances', help: 'Most instances.', default: 10, min: 1, max: 10000 },
    targetUtilization: {
      type: 'number',
      label: 'Target utilisation',
      help: 'Utilisation the autoscaler aims for.',
      default: 0.7,
      min: 0,
      max: 1,
      minExclusive: true,
    },
    interval: {
      type: 'duration',
      label: 'Interval',
      help: 'How often utilisation is measured and the count decided (the HPA sync period).',
      default: '15s',
      min: 0,
      minExclusive: true,
    },
    provisionTime: {
      type: 'duration',
      label: 'Provision time',
      help: 'Time from the decision until a new instance takes traffic; it is billed meanwhile.',
      default: '30s',
      min: 0,
    },
    cooldown: {
      type: 'duration',
      label: 'Cooldown',
      help: 'No scale-in until this long after the last scaling (the HPA stabilisation window).',
      default: '5m',
      min: 0,
    },
  },
} as const satisfies Param;

/** `autoscale` as resolved: durations in ms, every field present. */
export type AutoscaleParams = ParamsOf<typeof autoscaleParam.fields>;
