import { mkdirSync } from 'fs';
import * as path from 'path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Every browser spec's screenshots, kept as artifacts to look at (test-artifacts/ is gitignored). */
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

/**
 * What every page of the portal must be, at the page's current width: no serious or critical axe
 * violation (WCAG 2.1 A and AA rules), no sideways page scroll, no badge whose label is cut off; and a
 * full-page screenshot `<name>-<width>.png`.
 */
export async function checkPage(page: Page, name: string, width: number): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${name}@${width}: ${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 100)}`).join(', ')}`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(`${name}@${width}: ${overflow}`).toBe(`${name}@${width}: 0`);
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('.mantine-Badge-label')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent ?? ''),
  );
  expect(`${name}@${width}: ${clipped.join(', ')}`).toBe(`${name}@${width}: `);
}

/** `checkPage` at 1280 and at 360 px, the viewport given back at 1280. */
export async function checkPageAtBothWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: width < 600 ? 780 : 900 });
    await page.waitForTimeout(100);
    await checkPage(page, name, width);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
