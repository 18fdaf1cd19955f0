/**
 * The app as a student uses it, in real Chromium: open a bundled scenario, run
 * it, edit the design (palette, keyboard, connect, parameters, undo), compare
 * with a pinned baseline, import a broken file (the 1M-request run is measured in perf.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
let app: App, url: string, page: Page;

const shot = (name: string) => page.screenshot({ path: `${SHOTS}${name}.png` });
const status = () => page.getByRole('status').filter({ hasText: /Done|Stopped|Running|failed/ });
const waitDone = () => expect.poll(async () => (await status().textContent()) ?? '', { timeout: 120_000, interval: 250 }).toMatch(/^Done/);

beforeAll(async () => {
  ({ page, url } = app = await openApp({ shots: SHOTS }));
});

afterAll(async () => {
  await app?.close();
});

describe('archsim in Chromium', () => {
  it('loads, opens a bundled scenario and runs it to a summary with p99 and charts', async () => {
    await page.goto(url);
    await page.getByRole('button', { name: 'Run' }).waitFor();
    const firstRender = await page.evaluate(() => (window as any).archsimFirstRenderMs as number);
    console.log(`time to first render: ${firstRender?.toFixed(0)} ms`);
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'M/M/1: one server, random arrivals' });
    await expect.poll(() => page.getByRole('button', { name: /^Service app/ }).count()).toBe(1);
    await page.getByLabel('Run duration').fill('2m');
    await page.getByLabel('Run duration').press('Tab');
    await page.getByRole('button', { name: 'Run' }).click();
    await waitDone();
    const p99 = page.getByRole('table', { name: 'Summary' }).getByRole('row', { name: /^p99/ });
    await expect.poll(async () => (await p99.textContent()) ?? '').toMatch(/p99\s*[\d.]+\s*ms/);
    expect(await page.locator('svg.plot path.series').count()).toBeGreaterThanOrEqual(4);
    expect(await page.getByRole('button', { name: /^Service app, Utilisation \d+%/ }).count()).toBe(1);
    await shot('1-run');
  });

  it('edits the design: palette, keyboard, connect, parameters, delete, undo', async () => {
    await page.getByRole('button', { name: 'Add Service' }).click();
    const added = page.getByRole('button', { name: /^Service service$/ });
    await expect.poll(() => added.count()).toBe(1);
    // by keyboard: focus the palette entry, Enter adds and focuses the node, Delete removes it
    await page.getByRole('button', { name: 'Add Load balancer' }).focus();
    await page.keyboard.press('Enter');
    const lb = page.getByRole('button', { name: /^Load balancer load-balancer/ });
    await expect.poll(() => lb.count()).toBe(1);
    await expect.poll(() => lb.evaluate((el) => el.matches(':focus'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Delete');
    await expect.poll(() => lb.count()).toBe(0);
    // connect app → service without dragging: focus app, C, then Enter on the target
    await page.getByRole('button', { name: /^Service app/ }).focus();
    await page.keyboard.press('c');
    await added.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('button', { name: /^Link from app to service/ }).count()).toBe(1);
    // edit parameters of the new service: out of range is refused with a message
    await added.click();
    const workers = page.getByRole('textbox', { name: 'Workers' });
    await workers.fill('0');
    await workers.press('Enter');
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'expected an integer between 1' }).count()).toBe(1);
    await workers.fill('4');
    await workers.press('Enter');
    const st = page.getByRole('textbox', { name: 'Service time' });
    await st.fill('exp(2ms)');
    await st.press('Enter');
    await st.fill('exp(4ms)');
    await st.press('Enter');
    await shot('2-edit');
    await page.locator('svg.canvas').click({ position: { x: 30, y: 200 } });
    await page.keyboard.press('Control+z');
    await added.click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Service time' }).inputValue()).toBe('exp(2ms)');
    await expect.poll(() => page.getByRole('textbox', { name: 'Workers' }).inputValue()).toBe('4');
    // autosave: once the undone edit is saved, a reload restores the edited design
    const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem('archsim.design.v1') ?? 'null')?.doc);
    await expect.poll(async () => (await saved())?.components.service?.serviceTime).toBe('exp(2ms)');
    expect((await saved()).links).toContainEqual({ from: 'app', to: 'service' });
    await page.reload();
    await expect.poll(() => page.getByRole('button', { name: /^Link from app to service/ }).count()).toBe(1);
  });

  it('runs again and compares with the pinned baseline', async () => {
    await page.getByLabel('Run duration').fill('2m');
    await page.getByLabel('Run duration').press('Tab');
    await page.getByRole('button', { name: 'Run' }).click();
    await waitDone();
    await page.getByRole('button', { name: 'Pin as baseline' }).click();
    await page.getByRole('button', { name: /^Service service/ }).click();
    const st = page.getByRole('textbox', { name: 'Service time' });
    await st.fill('exp(6ms)');
    await st.press('Enter');
    await page.getByRole('button', { name: 'Run' }).click();
    await waitDone();
    const table = page.getByRole('table', { name: 'Summary' });
    await expect.poll(async () => (await table.textContent()) ?? '').toMatch(/Baseline/);
    expect(await table.getByRole('row', { name: /^p99/ }).textContent()).toMatch(/[+−]\d/);
    expect(await page.locator('svg.plot path.series.baseline').count()).toBeGreaterThanOrEqual(2);
    await shot('3-compare');
  });

  it('refuses a broken import, says where, and keeps the design', async () => {
    const broken =
      'version: 1\nduration: 10s\ncomponents:\n  users: { kind: client, rate: 10/s }\n  web: { kind: service, workers: -2 }\nlinks:\n  - { from: users, to: web }\n';
    await page.locator('input[type=file]').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
    const alert = page.getByRole('alert').filter({ hasText: 'broken.yaml' });
    await expect.poll(async () => (await alert.textContent()) ?? '').toMatch(/broken\.yaml:5:\d+: components\.web\.workers/);
    expect(await page.getByRole('button', { name: /^Service app/ }).count()).toBe(1);
    await shot('4-import-error');
  });

  it('switches to the dark colour scheme from the toolbar', async () => {
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(await background()).toBe('rgb(244, 245, 247)');
    await page.getByRole('button', { name: 'Colour scheme: auto' }).click();
    await page.getByRole('button', { name: 'Colour scheme: light' }).click();
    await page.getByRole('button', { name: 'Colour scheme: dark' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await background()).toBe('rgb(15, 18, 22)');
    await shot('6-dark');
  });
});
