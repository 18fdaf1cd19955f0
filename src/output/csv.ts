/**
 * The CSV of a RunResult (`archsim run --csv`, and the app's CSV download): one
 * row per label — TOTAL, each phase, each route (when several), each component — with JMeter's aggregate
 * columns. Pure formatting, so the CLI and the browser's main thread share it.
 */
import type { RunResult, Summary } from '../run/result.js';
import { terminalSafe } from './terminal-safe.js';

/** One CSV row per label (TOTAL, phases, routes when several, components), JMeter aggregate columns. */
export function csvReport(r: RunResult): string {
  const head = 'label,kind,samples,completed,failed,error_rate,throughput_rps,mean_ms,p50_ms,p90_ms,p95_ms,p99_ms,max_ms';
  const sum = (label: string, s: Summary, kind = 'summary') => {
    const l = s.latencyMs;
    return [label, kind, s.requests, s.completed, s.failed, s.errorRate, s.throughputRps, l.mean, l.p50, l.p90, l.p95, l.p99, l.max].join(
      ',',
    );
  };
  const q = (x: string) => {
    const s = terminalSafe(x);
    return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const rows = [sum('TOTAL', r.summary), ...r.phases.map((p) => sum(q(p.name), p))];
  // routes (Locust's Name) once there are several; kind `route`
  const routes = Object.entries(r.routes ?? {});
  if (routes.length > 1) for (const [name, s] of routes) rows.push(sum(q(name), s, 'route'));
  for (const [id, c] of Object.entries(r.components))
    rows.push(
      [
        q(id),
        q(c.kind),
        c.arrivals,
        c.completed,
        c.failed,
        c.arrivals ? +(c.failed / c.arrivals).toFixed(6) : 0,
        '',
        c.latencyMs.mean,
        c.latencyMs.p50,
        '',
        '',
        c.latencyMs.p99,
        '',
      ].join(','),
    );
  return terminalSafe([head, ...rows].join('\n'), true);
}
