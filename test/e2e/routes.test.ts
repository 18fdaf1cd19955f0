/**
 * The per-route table in Chromium, read as a student reads Locust's: open the
 * monolith lab, run it, choose the Routes tab, and find each route's requests,
 * median and the slow first request as its max.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
const LAB = readFileSync(new URL('../../scenarios/monolith-lab.yaml', import.meta.url), 'utf8');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let app: App, page: Page;
const errors: string[] = [];

const status = () => page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });

beforeAll(async () => {
  ({ page } = app = await openApp({
    shots: SHOTS,
    onPage: (p) => {
      p.on('pageerror', (e) => errors.push(e.message));
      p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    },
    goto: true,
  }));
  await page.locator('input[type=file]').setInputFiles({ name: 'monolith-lab.yaml', mimeType: 'text/yaml', buffer: Buffer.from(LAB) });
  await page.getByRole('button', { name: /^Service monolith/ }).waitFor();
});

afterAll(async () => {
  await app?.close();
});

/** The cells of the Routes table's row named `name`. */
const cells = (name: string) =>
  page
    .getByRole('table', { name: 'Routes' })
    .getByRole('row', { name: new RegExp(`^${name} `) })
    .locator('th, td')
    .allTextContents();

describe('the Routes tab in Chromium', () => {
  it('shows Locust’s table per route: requests, fails, median … max, with the aggregate last', async () => {
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect.poll(async () => (await status().textContent()) ?? '', { timeout: 120_000, interval: 250 }).toMatch(/^Done/);
    await page.getByRole('tab', { name: 'Routes' }).click();
    const table = page.getByRole('table', { name: 'Routes' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Name',
      'Reqs',
      'Fails',
      'Median',
      'p90',
      'p95',
      'p99',
      'Avg',
      'Min',
      'Max',
      'Req/s',
    ]);
    const names = await table.getByRole('rowheader').allTextContents();
    expect(names).toEqual(['/checkout', '/events', '/my-events', 'Aggregated']);
    const checkout = await cells('/checkout');
    expect(checkout.slice(1, 3)).toEqual(['17', '0']);
    // the median is a warm request (≈ 9 ms); the max is the first, cold one (≈ 2.1 s)
    expect(Number.parseFloat(checkout[3])).toBeLessThan(15);
    expect(checkout[9]).toMatch(/^2,\d{3}$/);
    const events = await cells('/events');
    expect(Number.parseFloat(events[3])).toBeGreaterThan(250);
    expect(events[9]).toMatch(/^2,\d{3}$/);
    expect((await cells('Aggregated'))[1]).toBe('51');
    // all eleven columns fit the panel at 1366×860: nothing cut off
    const fits = await table.evaluate(
      (t) => t.getBoundingClientRect().right <= (t.closest('.table') as HTMLElement).getBoundingClientRect().right + 0.5,
    );
    expect(fits).toBe(true);
    await page.screenshot({ path: `${SHOTS}routes-table.png` });
    expect(errors).toEqual([]);
  });

  it('passes axe (no serious or critical violation) with the Routes tab open, light and dark', async () => {
    await page.addScriptTag({ path: AXE });
    const serious = () =>
      page.evaluate(async () => {
        const axe = (
          window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }
        ).axe;
        const { violations } = await axe.run(document, { resultTypes: ['violations'] });
        return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
      });
    expect(await serious()).toEqual([]);
    const theme = page.getByRole('button', { name: /^Colour scheme/ });
    await theme.click(); // auto → light
    await theme.click(); // light → dark
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await serious()).toEqual([]);
    await page.screenshot({ path: `${SHOTS}routes-table-dark.png` });
  });
});
