/**
 * The Source tab as an author uses it, in Chromium: the design's YAML in
 * CodeMirror, linted by archsim's own validator (gutter marker, message with
 * did-you-mean), the diagram following valid text and keeping the last good
 * design meanwhile, the inspector's edits written into the text with its
 * comments kept, undo on both sides, and axe-core with the tab open.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { type App, openApp } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let app: App, url: string, page: Page;
const errors: string[] = [];

const source = () => page.getByRole('textbox', { name: 'Scenario source (YAML)' });
/** The whole text in the editor (lines scrolled out of view are not in the page). */
const text = () => page.evaluate(() => document.querySelector('archsim-app')?.shadowRoot?.querySelector('archsim-source')?.text ?? '');
const sourceStatus = () => page.getByRole('status').filter({ hasText: /^The source (is valid|has \d+ problem)/ });
const appNode = () => page.getByRole('button', { name: /^Service app/ });

/** Puts the cursor at the end of the editor line holding `hasText`. */
async function endOfLine(hasText: string): Promise<void> {
  const line = page.locator('.cm-line', { hasText });
  const scroller = page.locator('.cm-scroller');
  const box = (await scroller.boundingBox())!;
  // wheel scrolling may go on for a few frames: wait until the editor stands still
  const settle = async () => {
    let last = Number.NaN;
    for (let i = 0; i < 40; i++) {
      const top = await scroller.evaluate((el) => el.scrollTop);
      if (top === last) return;
      last = top;
      await page.waitForTimeout(50);
    }
  };
  // where the line is drawn inside the editor's visible box (CodeMirror also draws a margin beyond it), read in one call
  const shownAt = () =>
    line.evaluateAll(
      (els, b) =>
        els
          .map((el) => el.getBoundingClientRect())
          .filter((r) => r.top >= b.y && r.bottom <= b.y + b.height)
          .map((r) => ({ x: r.left + 8, y: r.top + r.height / 2 }))[0] ?? null,
      box,
    );
  // scroll as a person would, from the top down, until the line is in view; then click it
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -5000);
  await settle();
  let at = await shownAt();
  for (let i = 0; i < 80 && !at; i++) {
    await page.mouse.wheel(0, 80);
    await settle();
    at = await shownAt();
  }
  if (!at) throw new Error(`no line "${hasText}" in the editor`);
  await page.mouse.click(at.x, at.y);
  await page.keyboard.press('End');
}

/** Starts a new line after the cursor's holding exactly `line` (the auto-indentation selected and typed over). */
async function newLine(line: string): Promise<void> {
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Home');
  await page.keyboard.type(line);
  await expect.poll(text).toContain(`\n${line}`);
}

beforeAll(async () => {
  ({ page, url } = app = await openApp({ shots: SHOTS, onPage: (p) => p.on('pageerror', (e) => errors.push(e.message)) }));
});

afterAll(async () => {
  await app?.close();
});

describe('the Source tab', () => {
  it('does not load the editor until the tab is opened', async () => {
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(r.url()));
    await page.goto(url);
    await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'M/M/1: one server, random arrivals' });
    await expect.poll(() => appNode().count()).toBe(1);
    expect(scripts.some((s) => /source-editor/.test(s))).toBe(false);
    const tab = page.getByRole('tab', { name: 'Source' });
    expect(await tab.getAttribute('aria-selected')).toBe('false');
    await tab.click();
    await source().waitFor();
    expect(scripts.some((s) => /source-editor/.test(s))).toBe(true);
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    // the bundled file's own text: its comment line and key order
    const t = await text();
    expect(t).toContain('# yaml-language-server');
    expect(t.indexOf('users:')).toBeLessThan(t.indexOf('app:'));
    await expect.poll(() => sourceStatus().textContent()).toMatch(/valid/);
  });

  it('marks a misspelt key in the gutter with did-you-mean, keeps the last good design, and follows the fix', async () => {
    await endOfLine('workers: 1');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('workrs: 4');
    await expect.poll(() => sourceStatus().textContent()).toMatch(/The source has 1 problem/);
    await expect.poll(() => page.getByRole('tab', { name: /Source \(1 problem\)/ }).count()).toBe(1);
    // archsim's own message, in the problem list and in the gutter marker's tooltip
    const listed = page.getByRole('list', { name: 'Source problems' }).getByRole('button');
    await expect.poll(() => listed.textContent()).toMatch(/^\d+:5 components\.app\.workrs: unknown key "workrs".*did you mean "?workers"?/);
    const marker = page.locator('.cm-lint-marker-error');
    expect(await marker.count()).toBe(1);
    await marker.hover();
    await expect.poll(() => page.locator('.cm-tooltip-lint').textContent()).toMatch(/did you mean "?workers"?/);
    expect(await page.locator('.cm-lintRange-error').textContent()).toBe('workrs');
    await page.screenshot({ path: `${SHOTS}source-tab.png` });
    // the design keeps the last good one: app still has 1 worker
    expect(
      await page.evaluate(() => (document.querySelector('archsim-app') as any).design.getSnapshot().context.doc.components.app),
    ).toMatchObject({
      workers: 1,
    });
    // the fix: the diagram follows, and a new line adds instances
    await endOfLine('workrs: 4');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('workers: 4');
    await page.keyboard.press('Escape'); // closes the completion list, if open
    await page.keyboard.press('Enter');
    await page.keyboard.type('instances: 3');
    await page.keyboard.press('Escape');
    await expect.poll(() => sourceStatus().textContent()).toMatch(/valid/);
    await expect.poll(() => page.getByRole('tab', { name: 'Source', exact: true }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await expect.poll(() => appNode().getAttribute('aria-label')).toMatch(/, 3 instances/);
    await appNode().click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Workers' }).inputValue()).toBe('4');
  });

  it('writes an inspector edit into the text with its comment kept; Undo takes it back', async () => {
    await page.getByRole('tab', { name: 'Source' }).click();
    await endOfLine('serviceTime: exp(10ms)');
    await page.keyboard.type('  # ten ms on average');
    await expect.poll(() => sourceStatus().textContent()).toMatch(/valid/);
    // app is still selected: its inspector sits beside the Source tab
    const st = page.getByRole('textbox', { name: 'Service time' });
    await st.fill('exp(20ms)');
    await st.press('Enter');
    await expect.poll(text).toContain('serviceTime: exp(20ms)  # ten ms on average');
    const t = await text();
    expect(t).toContain('# yaml-language-server');
    expect(t.indexOf('workers: 4')).toBeLessThan(t.indexOf('instances: 3'));
    // the design store's undo (outside the editor) takes the edit back in the text too
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(text).toContain('serviceTime: exp(10ms)  # ten ms on average');
    // the editor's own undo (Ctrl+Z inside it) undoes typing, not a design edit
    await endOfLine('duration: 10m');
    await page.keyboard.type('x');
    await expect.poll(() => sourceStatus().textContent()).toMatch(/1 problem/);
    await page.keyboard.press('Control+z');
    await expect.poll(text).toContain('duration: 10m\n');
    await expect.poll(() => sourceStatus().textContent()).toMatch(/valid/);
    expect(await st.inputValue()).toBe('exp(10ms)');
  });

  it("completes a component's keys by its kind and kind names, and shows a key's help on hover", async () => {
    await endOfLine('instances: 3');
    await page.keyboard.press('Enter');
    await page.keyboard.type('queueCap');
    const options = page.getByRole('listbox').getByRole('option');
    await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^queueCapacity/)]));
    await page.waitForTimeout(200); // CodeMirror ignores Enter for 75 ms after the list changes
    await page.keyboard.press('Enter'); // accepts "queueCapacity: "
    await page.keyboard.type('50');
    await expect.poll(text).toContain('    queueCapacity: 50\n');
    // a new component after app's last line; whatever indentation Enter gives is replaced by the one meant
    await endOfLine('serviceTime: exp(10ms)');
    await newLine('  cache:');
    await newLine('    kind: ');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => options.allTextContents()).toEqual(expect.arrayContaining(['load-balancer', 'cache', 'database']));
    await page.keyboard.press('Escape');
    await page.keyboard.type('cache');
    await expect.poll(() => sourceStatus().textContent()).toMatch(/valid/);
    await expect
      .poll(() =>
        page.evaluate(() => Object.keys((document.querySelector('archsim-app') as any).design.getSnapshot().context.doc.components)),
      )
      .toContain('cache');
    // hover help: the key's description and default, from the descriptors
    await page.locator('.cm-line', { hasText: 'workers: 4' }).getByText('workers').hover();
    await expect
      .poll(() => page.locator('.archsim-hover').textContent())
      .toMatch(/^workers\s*Requests one instance runs at once.*Default: \d/s);
  });

  it('selects the component the cursor is in, so the inspector beside shows it', async () => {
    await endOfLine('rate: 80/s');
    await expect.poll(() => page.getByRole('textbox', { name: 'Rate' }).first().inputValue()).toBe('80/s');
    await endOfLine('serviceTime: exp(10ms)');
    await expect.poll(() => page.getByRole('textbox', { name: 'Service time' }).inputValue()).toBe('exp(10ms)');
  });

  it('is keyboard usable and has no serious or critical axe violation with the tab open', async () => {
    const tab = page.getByRole('tab', { name: 'Source' });
    await tab.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByRole('tab', { name: 'Diagram' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
    await page.addScriptTag({ path: AXE });
    const violations = (await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    })) as { id: string; impact: string; nodes: { target: unknown }[] }[];
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`)).toEqual([]);
    await page.getByRole('button', { name: /^Colour scheme/ }).click(); // auto → light
    await page.getByRole('button', { name: /^Colour scheme/ }).click(); // light → dark
    await page.screenshot({ path: `${SHOTS}source-tab-dark.png` });
    expect(errors).toEqual([]);
  });
});
