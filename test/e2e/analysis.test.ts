/**
 * The Analysis tab in Chromium, as a student reads it: open the M/M/1 scenario,
 * run it, choose Analysis, and find the bottleneck sentence and, for app, the
 * M/M/1 model's predicted figures beside the simulated ones, each agreeing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
let app: App, page: Page;
const errors: string[] = [];

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations inside <archsim-analysis> (in the results' shadow root), one line each. */
async function analysisViolations(): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const element = await page.locator('archsim-analysis').elementHandle();
  const { violations, checked } = (await page.evaluate(async (el) => {
    type Result = { id: string; impact: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Result[]; passes: Result[] }> } })
      .axe;
    const r = await axe.run(el, { resultTypes: ['violations', 'passes'] });
    return { violations: r.violations, checked: r.passes.reduce((n, p) => n + p.nodes.length, 0) };
  }, element)) as { violations: { id: string; impact: string; nodes: { target: unknown[] }[] }[]; checked: number };
  // axe must have looked at the analysis' own nodes (it sits in the results' shadow root)
  expect(checked).toBeGreaterThan(10);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} ${JSON.stringify(n.target)}`));
}

const status = () => page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });

beforeAll(async () => {
  ({ page } = app = await openApp({
    shots: SHOTS,
    onPage: (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    },
    closeStartView: true,
  }));
});

afterAll(async () => {
  await app?.close();
});

describe('the Analysis tab in Chromium', () => {
  it('after a run of mm1 shows the bottleneck and the M/M/1 prediction beside the simulation, agreeing', async () => {
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'M/M/1: one server, random arrivals' });
    await expect.poll(() => page.getByRole('button', { name: /^Service app/ }).count()).toBe(1);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 120_000, interval: 250 }).toMatch(/^Done/);
    await page.getByRole('tab', { name: 'Analysis' }).click();
    const bottleneck = page.getByRole('region', { name: 'Bottleneck' });
    await expect
      .poll(async () => (await bottleneck.textContent()) ?? '')
      .toMatch(/app saturates first: at most 1\d\d req\/s \(now 8\d\.\d req\/s, 8\d %\)/);
    const demand = page.getByRole('table', { name: 'Service demand per component' });
    expect(await demand.getByRole('rowheader').allTextContents()).toEqual(['app service']);
    const theory = page.getByRole('region', { name: 'Theory for app' });
    expect(await theory.getByRole('heading').textContent()).toMatch(
      /^app M\/M\/1 · Pollaczek–Khinchine · ρ = 0\.8\d ✓ agrees with theory$/,
    );
    const table = page.getByRole('table', { name: 'Predicted and simulated figures of app' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Figure', 'Predicted', 'Simulated', 'Tolerance', 'Agrees']);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([
      'utilisation',
      'mean wait',
      'mean sojourn',
      'p99 wait',
      'p99 sojourn',
    ]);
    const sojourn = await table
      .getByRole('row', { name: /^mean sojourn/ })
      .locator('td')
      .allTextContents();
    // M/M/1 at 80/s and 10 ms: 1/(μ − λ) = 50 ms; the run's own measured inputs give about that
    expect(Number.parseFloat(sojourn[0])).toBeGreaterThan(45);
    expect(Number.parseFloat(sojourn[0])).toBeLessThan(55);
    expect(sojourn[3]).toBe('✓ yes');
    expect(await table.getByRole('cell', { name: '✗ no' }).count()).toBe(0);
    expect(await page.getByRole('list', { name: /^Why app parts/ }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}analysis-mm1.png` });
    await table.scrollIntoViewIfNeeded();
    await page.getByRole('tabpanel', { name: 'Run' }).screenshot({ path: `${SHOTS}analysis-mm1-theory.png` });
    expect(await analysisViolations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
