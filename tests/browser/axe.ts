// axe-core injected into a page (which must be opened with bypassCSP: the
// script goes in inline), keeping the critical and serious violations; and
// the non-text contrast of legend swatch borders, which axe does not check.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core's critical and serious violations on the page as it is. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: await readFile(AXE, 'utf8') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((x) => ({ target: x.target })) }));
  });
  return violations.filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

/** Asserts axe finds no critical or serious violation, and logs the count for the state. */
export async function expectNoSeriousAxe(page: Page, state: string): Promise<void> {
  const violations = await axeViolations(page);
  console.info(`axe (${state}): ${violations.length} critical/serious`);
  expect(violations, `${state}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

/** Contrast ratios against white of the top borders of the elements under `selector` (non-text contrast wants 3:1). */
export function swatchBorderContrast(page: Page, selector: string): Promise<number[]> {
  return page.evaluate((sel) => {
    const lum = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    return [...document.querySelectorAll(sel)].map((el) => (lum([255, 255, 255]) + 0.05) / (lum(parse(getComputedStyle(el).borderTopColor)) + 0.05));
  }, selector);
}
