/**
 * The Sweep view in real Chromium, used as a student would: M/M/1 swept over
 * its arrival rate from ρ = 0.1 to 0.95 fills in point by point on all cores
 * and is drawn against the M/M/1 curve; the load-balanced design swept over
 * its instances shows its knee, marked and explained.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
let app: App, page: Page;
const errors: string[] = [];

const sweepStatus = () => page.getByRole('tabpanel', { name: 'Sweep' }).getByRole('status');
const waitSwept = () =>
  expect.poll(async () => (await sweepStatus().textContent()) ?? '', { timeout: 180_000, interval: 250 }).toMatch(/^Sweep of .* done/);
const pointRows = () => page.getByRole('table', { name: 'Sweep points' }).locator('tbody tr');
/** The first figure of a cell (its mean; the units are in the column's header): "11.3 ± 0.28" → 11.3, "1,230" → 1230. */
const num = (text: string) => Number.parseFloat(text.replace(/,/g, ''));

/** Opens a bundled scenario from the top bar and shows the Sweep view. */
async function openSweep(title: RegExp) {
  const select = page.getByRole('combobox', { name: 'Scenario' });
  const value = await select.locator('option', { hasText: title }).first().getAttribute('value');
  await select.selectOption(value!);
  await page.getByRole('tab', { name: 'Sweep' }).click();
  await page.getByRole('form', { name: 'Sweep settings' }).waitFor();
}

/** Fills the sweep form by its labels. */
async function setSweep(param: string, from: string, to: string, steps: string, seeds: string) {
  const form = page.getByRole('form', { name: 'Sweep settings' });
  await form.getByRole('combobox', { name: 'Parameter' }).selectOption({ label: param });
  for (const [name, value] of [
    ['From', from],
    ['To', to],
    ['Steps', steps],
  ]) {
    const box = form.getByRole('textbox', { name });
    await box.fill(value);
    await box.press('Tab');
  }
  await form.getByRole('combobox', { name: 'Seeds per point' }).selectOption(seeds);
}

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

describe('the Sweep view in Chromium', () => {
  it('sweeps M/M/1 from ρ = 0.1 to 0.95, filling in the points live, against the M/M/1 curve', async () => {
    await openSweep(/^M\/M\/1/);
    await setSweep('users · Rate', '10/s', '95/s', '10', '3');
    // what the page shows while it runs: the status line, sampled every frame
    await page.evaluate(() => {
      const w = window as unknown as { __seen: string[] };
      w.__seen = [];
      const tick = () => {
        const sweep = document.querySelector('archsim-app')!.shadowRoot!.querySelector('archsim-sweep')!.shadowRoot!;
        const text = sweep.querySelector('[role=status]')?.textContent ?? '';
        if (w.__seen.at(-1) !== text) w.__seen.push(text);
        if (!/done|stopped|failed/.test(text) || /runs done$/.test(text)) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await waitSwept();
    const seen: string[] = await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen);
    const partial = seen.map((t) => /: (\d+) of 30 runs done/.exec(t)?.[1]).filter((n): n is string => !!n && +n > 0 && +n < 30);
    // points filled in while the others ran: several partial counts were on screen
    expect(new Set(partial).size, seen.join(' | ')).toBeGreaterThanOrEqual(3);
    expect(await sweepStatus().textContent()).toMatch(/30 runs \(10 points × 3 seeds\)/);
    const rows = await pointRows().evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    expect(rows.map((r) => r[0].replace(' (knee)', ''))).toEqual([
      '10/s',
      '19.44/s',
      '28.89/s',
      '38.33/s',
      '47.78/s',
      '57.22/s',
      '66.67/s',
      '76.11/s',
      '85.56/s',
      '95/s',
    ]);
    // columns: value, runs, throughput, mean, p50, p95, p99, errors, theory mean, theory p99
    for (const r of rows) {
      expect(r[1]).toBe('3/3');
      expect(r[3]).toMatch(/ ± /);
      const rate = Number.parseFloat(r[0]);
      const simMean = num(r[3]),
        theoryMean = num(r[8]),
        simP99 = num(r[6]),
        theoryP99 = num(r[9]);
      // theory: W = 1/(μ − λ) with μ = 100/s; p99 = W ln 100
      expect(theoryMean / (1000 / (100 - rate))).toBeCloseTo(1, 2);
      // 10 simulated minutes × 3 seeds: up to ρ = 0.8 the mean and p99 lie within 10 % of the closed form
      if (rate <= 80) {
        expect(Math.abs(simMean / theoryMean - 1), `mean at ${r[0]}`).toBeLessThan(0.1);
        expect(Math.abs(simP99 / theoryP99 - 1), `p99 at ${r[0]}`).toBeLessThan(0.1);
      }
    }
    expect(
      await page
        .getByRole('note')
        .filter({ hasText: /^Theory: M\/M\/1/ })
        .count(),
    ).toBe(1);
    const latency = page.getByRole('img', { name: /^Latency against users · Rate/ });
    expect(await latency.getAttribute('aria-label')).toMatch(/latency \(ms\) against users · Rate \(requests\/s\)/);
    const legend = await page.locator('archsim-sweep archsim-chart').first().locator('.legend span').allTextContents();
    expect(legend).toEqual(expect.arrayContaining(['theory mean', 'theory p99', 'mean', 'p99']));
    expect(await latency.locator('path.series').count()).toBeGreaterThanOrEqual(4);
    expect(await latency.locator('g.whiskers path').count()).toBeGreaterThanOrEqual(30);
    await page.screenshot({ path: `${SHOTS}sweep-mm1.png` });
  });

  it('stops every run of a sweep with Stop sweep, keeping the points finished', async () => {
    await openSweep(/^M\/M\/1/);
    await setSweep('users · Rate', '10/s', '95/s', '10', '10');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await expect
      .poll(async () => (await sweepStatus().textContent()) ?? '', { timeout: 60_000, interval: 50 })
      .toMatch(/: [1-9]\d* of 100 runs done/);
    await page.getByRole('button', { name: 'Stop sweep' }).click();
    await expect
      .poll(async () => (await sweepStatus().textContent()) ?? '', { timeout: 30_000 })
      .toMatch(/^Sweep stopped: \d+ of 100 runs done/);
    const done = Number(/(\d+) of 100/.exec((await sweepStatus().textContent()) ?? '')![1]);
    expect(done).toBeLessThan(100);
    expect(await page.getByRole('button', { name: 'Run sweep' }).isEnabled()).toBe(true);
    // the top bar's Run is back too: nothing runs any more
    expect(await page.getByRole('button', { name: 'Run', exact: true }).count()).toBe(1);
  });

  it('marks and explains the knee of a sweep of instances behind the load balancer', async () => {
    await openSweep(/^Horizontal scaling/);
    await setSweep('web · Instances', '1', '6', '', '3');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await waitSwept();
    const note = page.getByRole('note').filter({ hasText: /^Knee at web · Instances = / });
    expect(await note.count()).toBe(1);
    const knee = /= (\d+)/.exec((await note.textContent()) ?? '')![1];
    expect(Number(knee)).toBeGreaterThanOrEqual(2);
    expect(Number(knee)).toBeLessThanOrEqual(3);
    expect(await page.getByRole('row', { name: new RegExp(`^${knee} \\(knee\\)`) }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Latency against web · Instances/ }).getAttribute('aria-label')).toMatch(
      new RegExp(`events: knee at ${knee}$`),
    );
    expect(
      await page
        .getByRole('note')
        .filter({ hasText: /^No theory curve/ })
        .count(),
    ).toBe(1);
    await page.screenshot({ path: `${SHOTS}sweep-instances.png` });
    expect(errors).toEqual([]);
  });
});
