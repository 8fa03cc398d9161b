import { startHttpTestApp } from '../test/helpers/test-app.js';
import { launchBrowser, axeViolations } from './browser.js';
const t = await startHttpTestApp();
const browser = await launchBrowser();
const page = await (await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } })).newPage();
const selectors = (process.env.SHOT_AT ?? '').split(',').filter(Boolean);
for (const [name, path] of process.argv.slice(2).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)])) {
  await page.goto(t.base + decodeURIComponent(path));
  console.log(name, JSON.stringify(await axeViolations(page)));
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: !selectors.length });
  for (const sel of selectors) {
    const box = await page.locator(sel).first().boundingBox();
    if (box) await page.screenshot({ path: `/tmp/shot-${name}-${sel.replace(/\W/g, '')}.png`, fullPage: true, clip: { x: 0, y: box.y, width: 1280, height: Math.min(Number(process.env.SHOT_H ?? 1300), box.height), ...(process.env.SHOT_FROM_END ? { y: box.y + Math.max(0, box.height - Number(process.env.SHOT_H ?? 1300)) } : {}) } });
  }
}
await browser.close();
await t.close();
