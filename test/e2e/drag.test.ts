/**
 * Pointer gestures on the diagram with real mouse events in Chromium: drag a
 * kind from the palette onto the canvas, drag a node to move it (one undo
 * step), drag from a node's port to another node to connect them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { build, launch, serve } from './harness.js';

const SHOTS = new URL('../../screenshots/', import.meta.url).pathname;
let browser: Browser, server: Server, url: string, page: Page;

/** Screen centre of a node's box. */
async function centre(id: string): Promise<{ x: number; y: number }> {
  const b = (await page.locator(`g.node[data-id="${id}"] rect.box`).boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** Presses at `from`, moves to `to` in small steps, releases: what a hand does. */
async function drag(from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

const near = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  build();
  ({ url, server } = await serve());
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  await page.goto(url);
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'M/M/1: one server, random arrivals' });
  await page.getByRole('button', { name: /^Service app/ }).waitFor();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
});

describe('diagram gestures with a real mouse', () => {
  it('dragging Cache from the palette drops a cache node where it is released', async () => {
    const canvas = page.getByRole('group', { name: 'Architecture diagram' });
    const box = (await canvas.boundingBox())!;
    const drop = { x: box.width / 2, y: box.height - 90 };
    const cache = page.getByRole('button', { name: 'Add Cache' });
    await cache.scrollIntoViewIfNeeded();
    const item = (await cache.boundingBox())!;
    await page.mouse.move(item.x + 30, item.y + item.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + drop.x, box.y + drop.y, { steps: 12 });
    await page.screenshot({ path: `${SHOTS}drag-0-palette.png` });
    await page.mouse.up();
    await expect.poll(() => page.getByRole('button', { name: /^Cache cache/ }).count()).toBe(1);
    expect(near(await centre('cache'), { x: box.x + drop.x, y: box.y + drop.y })).toBeLessThan(3);
  });

  it('dragging a node moves it with the pointer, and one undo puts it back', async () => {
    const start = await centre('cache');
    await drag(start, { x: start.x + 140, y: start.y - 30 });
    expect(near(await centre('cache'), { x: start.x + 140, y: start.y - 30 })).toBeLessThan(3);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => near(await centre('cache'), start)).toBeLessThan(3);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => near(await centre('cache'), { x: start.x + 140, y: start.y - 30 })).toBeLessThan(3);
  });

  it('dragging from a port to another node links them', async () => {
    const port = (await page.locator('circle.port[data-id="app"]').boundingBox())!;
    await drag({ x: port.x + port.width / 2, y: port.y + port.height / 2 }, await centre('cache'));
    await expect.poll(() => page.getByRole('button', { name: /^Link from app to cache/ }).count()).toBe(1);
    // a drag from a port released on empty canvas makes no link and leaves no connect mode behind
    const box = (await page.getByRole('group', { name: 'Architecture diagram' }).boundingBox())!;
    const users = (await page.locator('circle.port[data-id="users"]').boundingBox())!;
    await drag({ x: users.x + users.width / 2, y: users.y + users.height / 2 }, { x: box.x + 40, y: box.y + box.height - 30 });
    expect(await page.getByRole('button', { name: /^Link from/ }).count()).toBe(2);
    expect(await page.getByRole('status').filter({ hasText: 'Choose the node' }).count()).toBe(0);
    // the new link is drawn up to the cache's box, and clicking the cache opens its parameters
    const end = await page
      .getByRole('button', { name: /^Link from app to cache/ })
      .locator('path.line')
      .evaluate((p: SVGPathElement) => {
        const pt = p.getPointAtLength(p.getTotalLength()),
          m = p.getScreenCTM()!;
        return { x: pt.x * m.a + pt.y * m.c + m.e, y: pt.x * m.b + pt.y * m.d + m.f };
      });
    const cacheBox = (await page.locator('g.node[data-id="cache"] rect.box').boundingBox())!;
    const gap = Math.hypot(
      Math.max(cacheBox.x - end.x, 0, end.x - cacheBox.x - cacheBox.width),
      Math.max(cacheBox.y - end.y, 0, end.y - cacheBox.y - cacheBox.height),
    );
    expect(gap).toBeLessThan(4);
    await page.getByRole('button', { name: /^Cache cache/ }).click();
    await expect.poll(() => page.getByRole('form', { name: 'Parameters of cache' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}drag-1-connected.png` });
  });
});
