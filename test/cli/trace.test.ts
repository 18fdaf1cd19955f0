import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { archsim } from './run-cli.js';

const out = (name: string) => join(mkdtempSync(join(tmpdir(), 'archsim-trace-')), name);

describe('archsim run --trace', () => {
  it('writes Chrome trace-event JSON of the slowest, the p99.9 and 5 sampled requests, and says so on stderr', () => {
    const file = out('trace.json');
    const r = archsim(
      'run',
      'scenarios/request-trace.yaml',
      '--trace',
      file,
      '--trace-sample',
      '5',
      '--trace-percentile',
      '99.9',
      '--json',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      new RegExp(`^traced 7 requests \\(slowest 239\\.6 ms, p99\\.9 \\d+\\.\\d ms\\) → ${file}: open it in https://ui\\.perfetto\\.dev`),
    );
    const result = JSON.parse(r.out);
    expect(result.traces.map((t: { why: string[] }) => t.why.join('+')).sort()).toEqual([
      'p99.9',
      'sample',
      'sample',
      'sample',
      'sample',
      'sample',
      'slowest',
    ]);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const processes = doc.traceEvents.filter((e: { ph: string; name: string }) => e.ph === 'M' && e.name === 'process_name');
    expect(processes).toHaveLength(7);
    expect(doc.traceEvents.filter((e: { ph: string }) => e.ph === 'X').length).toBe(
      result.traces.reduce((n: number, t: { spans: unknown[] }) => n + t.spans.length, 0),
    );
  });

  it('prints the usual report with --trace, the note after it', () => {
    const r = archsim('run', 'scenarios/request-trace.yaml', '--trace', out('t.json'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Follow one slow request/);
    expect(r.err).toMatch(/^traced 22 requests/);
  });

  it('refuses a bad sample or percentile, a companion without --trace, and a file it cannot write, with exit 2', () => {
    const bad = [
      [['--trace', out('t.json'), '--trace-sample', '100%'], '--trace-sample expects a count (20) or a share below 100% (1%), got "100%"'],
      [['--trace', out('t.json'), '--trace-sample', '2.5'], '--trace-sample expects a count (20) or a share below 100% (1%), got "2.5"'],
      [
        ['--trace', out('t.json'), '--trace-percentile', '100'],
        '--trace-percentile expects a number between 0 and 100 (99, 99.9), got "100"',
      ],
      [['--trace-sample', '5'], '--trace-sample and --trace-percentile need --trace FILE'],
      [['--trace', '/nonexistent/dir/t.json'], 'cannot write the trace to /nonexistent/dir/t.json: ENOENT'],
    ] as const;
    for (const [args, message] of bad) {
      const r = archsim('run', 'scenarios/request-trace.yaml', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.split('\n')[0]).toBe(`archsim: ${message}`);
    }
  });
});
