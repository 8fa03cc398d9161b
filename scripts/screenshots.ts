/**
 * `npm run screenshots -- name=/en/locations?industry=… …`: renders pages of a fresh app (real content, PGlite) in
 * Debian Chromium, prints axe-core's violations for each and saves full-page PNGs to e2e/screenshots/<name>.png.
 * SHOT_AT="#ranking,#compare" also saves a crop from each of those elements (SHOT_H pixels high, SHOT_FROM_END=1 for
 * the element's end) — for looking at one part of a long page. SHOT_W=390 renders at that width (phones).
 */
import { mkdirSync } from 'node:fs';
import { axeViolations, launchBrowser } from '../e2e/browser.js';
import { startHttpTestApp } from '../test/helpers/test-app.js';

const OUT = 'e2e/screenshots';
const height = Number(process.env.SHOT_H ?? 1300);
const width = Number(process.env.SHOT_W ?? 1280);
const selectors = (process.env.SHOT_AT ?? '').split(',').filter(Boolean);
const pages = process.argv.slice(2).map((arg) => [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] as const);

mkdirSync(OUT, { recursive: true });
const app = await startHttpTestApp();
const browser = await launchBrowser();
try {
  // axe is injected as a script, which the pages' CSP forbids: this context bypasses CSP for the check only.
  const page = await (await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } })).newPage();
  for (const [name, path] of pages) {
    await page.goto(app.base + path);
    console.log(name, JSON.stringify(await axeViolations(page)));
    await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
    for (const selector of selectors) {
      const box = await page.locator(selector).first().boundingBox();
      if (!box) continue;
      const y = process.env.SHOT_FROM_END ? box.y + Math.max(0, box.height - height) : box.y;
      await page.screenshot({ path: `${OUT}/${name}-${selector.replace(/\W/g, '')}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(height, box.height) } });
    }
  }
} finally {
  await browser.close();
  await app.close();
}
