// readme-shot.mjs writes docs/map.png, the README's picture of the map:
// a planned route with its leg table, at 1280×800.
//
// Run: node web/test/readme-shot.mjs [out.png]   (needs chromium; see harness.mjs)
import path from 'node:path';
import { skipReason, startServer, launch, repoRoot } from './harness.mjs';

const why = skipReason();
if (why) {
  console.error('readme-shot: ' + why);
  process.exit(1);
}
const out = process.argv[2] || path.join(repoRoot, 'docs/map.png');
const server = await startServer();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready=true]');
  for (const [field, name] of [
    ['from', process.env.FROM || 'Kabul'],
    ['to', process.env.TO || 'Karachi'],
  ]) {
    await page.locator(`input[name=${field}]`).pressSequentially(name, { delay: 20 });
    const li = page.locator(`input[name=${field}] ~ ul.suggest li[data-id]`, { hasText: name }).first();
    await li.waitFor();
    await li.dispatchEvent('mousedown');
  }
  await page.fill('input[name=as_of]', process.env.AS_OF || '2025-06-01');
  // The README's caption speaks of three alternatives.
  await page.selectOption('select[name=show]', process.env.SHOW || 'alternatives');
  await page.click('#plan button[type=submit]');
  await page.locator('table.legs').waitFor();
  await page.evaluate(() => document.getElementById('routes').scrollIntoView({ block: 'start' }));
  await page.mouse.move(5, 795);
  await page.waitForTimeout(400);
  await page.screenshot({ path: out });
  console.log('readme-shot: wrote ' + path.relative(process.cwd(), out));
} finally {
  await browser.close();
  await server.stop();
}
