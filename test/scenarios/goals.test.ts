/**
 * The course's promise: every bundled scenario ends with goals that state its
 * lesson, and `archsim check scenarios/*.yaml` passes every one of them.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { archsim } from '../cli/run-cli.js';

const files = readdirSync(new URL('../../scenarios/', import.meta.url))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => `scenarios/${f}`);

describe('archsim check scenarios/*.yaml', () => {
  it('passes every goal of every bundled scenario', () => {
    const r = archsim('check', ...files, '--json');
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out) as { passed: boolean; checks: { file: string; goals: { name: string; status: string }[] }[] };
    expect(doc.checks.map((c) => c.file)).toEqual(files);
    for (const c of doc.checks) {
      expect(c.goals.length, c.file).toBeGreaterThan(0);
      expect(
        c.goals.filter((g) => g.status !== 'pass').map((g) => g.name),
        c.file,
      ).toEqual([]);
    }
    expect(doc.passed).toBe(true);
    expect(r.code).toBe(0);
  }, 300_000);
});
