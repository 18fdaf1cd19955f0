import { describe, expect, it } from 'vitest';
import { badgeRows, badgesOf } from '../../src/ui/badges.js';
import { kinds } from '../../src/kinds/index.js';
import type { ComponentStats } from '../../src/kinds/define.js';

const common = (extra: Record<string, unknown>, queueMax = 0): ComponentStats => ({
  kind: 'x',
  arrivals: 1,
  completed: 1,
  failed: 0,
  inFlight: 0,
  utilization: 0.65,
  queueLength: { mean: 696.4, max: queueMax },
  waitMs: { mean: 0, p50: 0, p99: 0 },
  latencyMs: { mean: 0, p50: 0, p99: 0 },
  ...extra,
});

describe('badges', () => {
  it('badgesOf(kind, stats) labels each declared badge statistic: hit, lost, throttled, busy, q', () => {
    expect(badgesOf(kinds.cache, common({ hitRatio: 0.65 })).map((b) => b.text)).toEqual(['hit 65%']);
    expect(badgesOf(kinds.pubsub, common({ lost: 3016 })).map((b) => b.text)).toEqual(['lost 3,016']);
    expect(badgesOf(kinds['rate-limiter'], common({ throttled: 2022 })).map((b) => b.text)).toEqual(['throttled 2,022']);
    expect(badgesOf(kinds.service, common({}, 900)).map((b) => [b.text, b.name])).toEqual([
      ['busy 65%', 'Utilisation 65%'],
      ['q 696', 'Queue 696'],
    ]);
  });

  it('badgesOf() gives none without a run, and help text from the descriptors', () => {
    expect(badgesOf(kinds.cache, undefined)).toEqual([]);
    expect(badgesOf(kinds.cache, common({ hitRatio: 0.5 }))[0].help).toBe(kinds.cache.stats.hitRatio.help);
  });

  it('badgeRows(badges, maxWidth) wraps to a new row rather than running past the node', () => {
    const b = badgesOf(kinds.service, common({}, 900));
    expect(badgeRows(b).map((r) => r.y)).toEqual([0, 0]);
    expect(badgeRows(b, 70).map((r) => [r.x, r.y])).toEqual([
      [0, 0],
      [0, 22],
    ]);
  });
});
