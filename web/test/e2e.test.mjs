// Browser tests of the web map: Debian's chromium, driven by
// playwright-core, against `caravan serve` on loopback. Each test asserts
// what is on the screen and saves a screenshot (SCREENSHOTS, default
// web/test/screenshots). The tests skip, saying why, when chromium is
// absent.
//
// Run: node --test web/test/   (from web/: npm test)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { skipReason, startServer, launch, watch, shotPath, TOKEN } from './harness.mjs';

const skip = skipReason() || false;
if (skip) console.log('# skipping the browser tests: ' + skip);

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
/** @type {import('playwright-core').Browser} */
let browser;
const outside = [];

before(async () => {
  if (skip) return;
  server = await startServer();
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
});

/** open loads the map in a new page and waits until the network is drawn. */
async function open(viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  watch(page, server.url, outside);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready=true]', { timeout: 30000 });
  return page;
}

/** pick types into a place field and clicks the suggestion naming want. */
async function pick(page, field, typed, want) {
  const input = page.locator(`input[name=${field}]`);
  await input.fill('');
  await input.pressSequentially(typed, { delay: 20 });
  const li = page.locator(`input[name=${field}] ~ ul.suggest li[data-id]`, { hasText: want }).first();
  await li.waitFor({ timeout: 15000 });
  await li.dispatchEvent('mousedown');
  assert.equal(await input.inputValue(), want);
}

/** plan submits the planner and waits for the heading of this as-of date. */
async function plan(page, asOf) {
  await page.click('#plan button[type=submit]');
  const heading = page.locator('#routes h3');
  if (asOf) await heading.filter({ hasText: `as of ${asOf}` }).waitFor({ timeout: 30000 });
  else await heading.waitFor({ timeout: 30000 });
  await page.locator('table.legs').waitFor();
}

test('Kabul → Karachi crosses at Torkham as of 2025-06-01, not as of 2026-11-21', { skip }, async () => {
  const page = await open();
  await pick(page, 'from', 'Kabul', 'Kabul');
  await pick(page, 'to', 'Karachi', 'Karachi');
  await page.fill('input[name=as_of]', '2025-06-01');
  await plan(page, '2025-06-01');
  const before = await page.locator('table.legs').innerText();
  assert.match(before, /Border: Torkham/, 'the leg table of 2025-06-01 names the Torkham crossing');
  assert.ok(await page.locator('table.legs tr.leg.crossing', { hasText: 'Torkham' }).isVisible());
  // Every source id in the table links to the API's source.
  const links = page.locator('table.legs a.src');
  assert.ok((await links.count()) > 5);
  assert.match(await links.first().getAttribute('href'), /^\/api\/v1\/sources\/[A-Z0-9-]+$/);
  await page.screenshot({ path: shotPath('kabul-karachi-2025-06-01') });

  // A source opens in the sheet, from the server.
  await page.locator('table.legs tr.leg-sources.crossing summary').first().click();
  await page.locator('table.legs tr.leg-sources.crossing a.src').first().click();
  await page.locator('#source h3').waitFor();
  assert.match(await page.locator('#source').innerText(), /Source/);
  await page.locator('#source .close').click();

  await page.fill('input[name=as_of]', '2026-11-21');
  await plan(page, '2026-11-21');
  const after = await page.locator('table.legs').innerText();
  assert.doesNotMatch(after, /Torkham/, 'Torkham is closed on 2026-11-21 and gone from the leg table');
  assert.match(after, /Border: /, 'the route of 2026-11-21 still crosses a border');
  await page.screenshot({ path: shotPath('kabul-karachi-2026-11-21') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the Trans-Afghan railway scenario makes Tashkent → Karachi faster', { skip }, async () => {
  const page = await open();
  await pick(page, 'from', 'Tashkent', 'Tashkent');
  await pick(page, 'to', 'Karachi', 'Karachi');
  await plan(page);
  const base = Number(await page.locator('.card.selected .total-hours').getAttribute('data-hours'));
  assert.ok(base > 0);
  await page.locator('#scenarios > summary').click();
  await page.locator('#scenario-list input[value="trans-afghan-2030"]').check();
  await page.locator('#routes h3', { hasText: 'as of 2030-06-01' }).waitFor({ timeout: 30000 });
  await page.locator('#diff .summary').waitFor({ timeout: 30000 });
  const withRail = Number(await page.locator('.card.selected .total-hours').getAttribute('data-hours'));
  assert.ok(withRail < base, `Tashkent → Karachi takes ${withRail} h with the railway, ${base} h without`);
  assert.match(await page.locator('#diff .summary').innerText(), /faster/);
  assert.match(await page.locator('table.legs').innerText(), /Kharlachi/, 'the route crosses at Kharlachi');
  assert.match(await page.locator('#scenario-now').innerText(), /Trans-Afghan/);
  await page.screenshot({ path: shotPath('tashkent-karachi-trans-afghan-2030') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the Pareto front plots hours against USD and a click shows that route', { skip }, async () => {
  const page = await open();
  await pick(page, 'from', 'Almaty', 'Almaty');
  await pick(page, 'to', 'Karachi', 'Karachi');
  await page.selectOption('select[name=show]', 'pareto');
  await plan(page);
  await page.locator('#pareto canvas').first().waitFor();
  assert.ok(await page.locator('#pareto').isVisible());
  const pts = page.locator('#pareto .pareto-points button.pt');
  assert.ok((await pts.count()) >= 2, 'the front has at least two routes');
  await page.locator('#pareto-chart details > summary').click();
  const last = pts.last();
  const n = Number(await last.getAttribute('data-route'));
  await last.click();
  await page.locator('#legs h3', { hasText: `Route ${n + 1}: legs` }).waitFor();
  await page.screenshot({ path: shotPath('almaty-karachi-pareto') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

/** pickVia types into waypoint i's field and clicks the suggestion naming want. */
async function pickVia(page, i, typed, want) {
  const input = page.locator(`#via-${i}`);
  await input.fill('');
  await input.pressSequentially(typed, { delay: 20 });
  const li = page.locator(`#via-${i} ~ ul.suggest li[data-id]`, { hasText: want }).first();
  await li.waitFor({ timeout: 15000 });
  await li.dispatchEvent('mousedown');
  assert.equal(await input.inputValue(), want);
}

test('Tashkent → Hairatan via Kashgar and Osh, by rail, road and rail: the request carries via and leg_modes and the itinerary passes them in order', { skip }, async () => {
  const page = await open();
  await pick(page, 'from', 'Tashkent', 'Tashkent');
  await pick(page, 'to', 'Hairatan', 'Hairatan');
  assert.ok(await page.locator('#via-list').isHidden(), 'no waypoints, no leg modes');
  // Added with the keyboard: the new field takes the focus.
  await page.locator('#via-add').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'via-0');
  await pickVia(page, 0, 'Osh', 'Osh');
  await page.click('#via-add');
  await pickVia(page, 1, 'Kashgar', 'Kashgar');
  // Kashgar comes first: moved earlier with the keyboard, the focus follows it.
  await page.locator('[data-wp="1"] button.up').focus();
  await page.keyboard.press('Enter');
  assert.deepEqual(await page.locator('input.via-input').evaluateAll((es) => es.map((e) => e.value)), ['Kashgar', 'Osh']);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Move waypoint 1 later', 'the focus stays on the moved waypoint');
  // One set of modes per leg between the stops, labelled with them.
  assert.equal(await page.locator('.via-leg').count(), 3);
  assert.match(await page.locator('.via-leg[data-leg="1"]').innerText(), /Kashgar → Osh/);
  await page.locator('.via-leg[data-leg="0"] input[value=rail]').focus();
  await page.keyboard.press('Space');
  await page.locator('.via-leg[data-leg="1"] input[value=road]').check({ force: true });
  await page.locator('.via-leg[data-leg="2"] input[value=rail]').check({ force: true });
  assert.equal(await page.locator('[data-waypoint]').count(), 2, 'the picked waypoints are marked on the map before planning');

  const req = page.waitForRequest((r) => r.url().includes('/api/v1/route?'));
  await plan(page);
  const u = new URL((await req).url());
  assert.equal(u.searchParams.get('via'), 'cn-kashgar,kg-osh');
  assert.equal(u.searchParams.get('leg_modes'), 'rail/road/rail');

  // The itinerary marks where each waypoint is passed, in order.
  const stops = page.locator('table.legs tr.stop');
  assert.equal(await stops.count(), 2);
  assert.match(await stops.nth(0).innerText(), /Waypoint 1: Kashgar/);
  assert.match(await stops.nth(1).innerText(), /Waypoint 2: Osh/);
  const at = await stops.evaluateAll((rs) => rs.map((r) => Number(r.dataset.leg)));
  assert.ok(at[0] < at[1], `Kashgar is reached at leg ${at[0] + 1}, before Osh at leg ${at[1] + 1}`);
  const legs = await page.locator('table.legs tr.leg').evaluateAll((rs) => rs.map((r) => ({ kind: r.classList[1], mode: r.cells[2].innerText.split(' ')[0], to: r.cells[1].innerText })));
  assert.match(legs[at[0]].to, /→ Kashgar/);
  assert.match(legs[at[1]].to, /→ Osh/);
  const modes = (a, b) => [...new Set(legs.slice(a, b).filter((l) => l.kind !== 'transfer').map((l) => l.mode))];
  assert.deepEqual(modes(0, at[0] + 1), ['rail'], 'by rail to Kashgar');
  assert.deepEqual(modes(at[0] + 1, at[1] + 1), ['road'], 'trucks from Kashgar to Osh');
  assert.deepEqual(modes(at[1] + 1, legs.length), ['rail'], 'rail on from Osh');
  assert.match(await page.locator('#routes h3').innerText(), /Tashkent → 1\s*Kashgar → 2\s*Osh → Hairatan/);
  const marks = await page.locator('[data-waypoint]').evaluateAll((ms) => ms.map((m) => m.textContent));
  assert.deepEqual(marks, ['1', '2'], 'the waypoints are numbered on the map');
  await page.screenshot({ path: shotPath('via-tashkent-kashgar-osh-hairatan') });
  await stops.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: shotPath('via-itinerary-waypoint-row') });

  // The address carries via and leg_modes: opened again, it plans the same route.
  const hash = new URL(page.url()).hash;
  assert.match(hash, /via=cn-kashgar%2Ckg-osh/);
  assert.match(hash, /leg_modes=rail%2Froad%2Frail/);
  const again = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  watch(again, server.url, outside);
  const req2 = again.waitForRequest((r) => r.url().includes('/api/v1/route?'));
  await again.goto(server.url + hash);
  const u2 = new URL((await req2).url());
  assert.equal(u2.searchParams.get('via'), 'cn-kashgar,kg-osh');
  assert.equal(u2.searchParams.get('leg_modes'), 'rail/road/rail');
  await again.locator('table.legs tr.stop').nth(1).waitFor({ timeout: 30000 });
  assert.deepEqual(await again.locator('input.via-input').evaluateAll((es) => es.map((e) => e.value)), ['Kashgar', 'Osh'], 'the ids in the address are named in the fields');
  assert.match(await again.locator('#routes h3').innerText(), /Tashkent → 1\s*Kashgar → 2\s*Osh → Hairatan/, 'and in the heading');
  assert.ok(await again.locator('.via-leg[data-leg="1"] input[value=road]').isChecked());
  await again.close();

  // Removing the waypoints hides the modes of the legs again.
  await page.locator('[data-wp="1"] button.remove').click();
  await page.locator('[data-wp="0"] button.remove').click();
  assert.ok(await page.locator('#via-list').isHidden());
  assert.equal(await page.evaluate(() => document.activeElement.id), 'via-add');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a waypoint the API cannot place shows its error next to that waypoint; a border name passes either side', { skip }, async () => {
  const page = await open();
  await pick(page, 'from', 'Kabul', 'Kabul');
  await pick(page, 'to', 'Karachi', 'Karachi');
  await page.click('#via-add');
  await pickVia(page, 0, 'Jalalabad', 'Jalalabad');
  await page.click('#via-add');
  await page.locator('#via-1').pressSequentially('Nowhereville', { delay: 10 });
  await page.click('#plan button[type=submit]');
  const err = page.locator('#via-1-error');
  await err.waitFor({ timeout: 30000 });
  assert.match(await err.innerText(), /no place matches "Nowhereville"/);
  assert.equal(await page.locator('#via-1').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#via-1').getAttribute('aria-describedby'), 'via-1-error');
  assert.ok(await page.locator('#via-0-error').isHidden(), 'the good waypoint has no error');
  assert.equal(await page.locator('#routes .error').count(), 0, 'the error is by the field, not under the form');
  assert.match(await page.locator('#plan-status').innerText(), /waypoint/);
  await page.screenshot({ path: shotPath('via-error-next-to-waypoint') });
  // Typing clears the error; the two sides of Torkham are offered as one waypoint.
  await page.locator('#via-1').fill('');
  await page.locator('#via-1').pressSequentially('Torkham', { delay: 20 });
  assert.ok(await err.isHidden());
  const either = page.locator('#via-1 ~ ul.suggest li.either', { hasText: 'Torkham' });
  await either.waitFor({ timeout: 15000 });
  await page.locator('#via-1').press('ArrowDown');
  await page.locator('#via-1').press('Enter');
  assert.equal(await page.locator('#via-1').inputValue(), 'Torkham (either side)');
  await page.fill('input[name=as_of]', '2025-06-01');
  const req = page.waitForRequest((r) => r.url().includes('/api/v1/route?'));
  await plan(page, '2025-06-01');
  assert.equal(new URL((await req).url()).searchParams.get('via'), 'af-jalalabad,Torkham');
  const stops = await page.locator('table.legs tr.stop').allInnerTexts();
  assert.equal(stops.length, 2);
  assert.match(stops[0], /Waypoint 1: Jalalabad/);
  assert.match(stops[1], /Waypoint 2: Torkham \((Afghan|Pakistani) side\)/);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the AF–KZ trade chart shows the series against the target with a verdict', { skip }, async () => {
  const page = await open();
  await page.click('button[role=tab][data-tab=trade]');
  await page.locator('#trade-form select[name=b] option[value=KZ]').waitFor({ state: 'attached' });
  await page.selectOption('#trade-form select[name=a]', 'AF');
  await page.selectOption('#trade-form select[name=b]', 'KZ');
  await page.click('#trade-form button[type=submit]');
  await page.locator('#trade h3', { hasText: 'Trade AF–KZ' }).waitFor({ timeout: 20000 });
  assert.ok(await page.locator('#trade .trade-chart canvas').first().isVisible(), 'the chart is drawn');
  const verdict = (await page.locator('#trade .verdict').innerText()).trim();
  assert.ok(verdict.length > 0, 'a verdict is shown');
  const text = await page.locator('#trade').innerText();
  assert.match(text, /Target \$3 bn/);
  assert.match(text, /target/, 'the legend or the table names the target');
  assert.ok((await page.locator('#trade table.figures tbody tr').count()) > 2);
  await page.screenshot({ path: shotPath('trade-af-kz') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('searching «حیرتان» finds Hairatan, and Persian input runs right to left', { skip }, async () => {
  const page = await open();
  const input = page.locator('input[name=from]');
  await input.pressSequentially('حیرتان', { delay: 20 });
  const li = page.locator('input[name=from] ~ ul.suggest li[data-id="af-hairatan"]');
  await li.waitFor({ timeout: 15000 });
  const text = await li.innerText();
  assert.match(text, /Hairatan/);
  assert.match(text, /حیرتان/);
  assert.equal(await input.evaluate((e) => getComputedStyle(e).direction), 'rtl', 'Persian text in the field is laid out right to left');
  assert.equal(await li.locator('bdi.fa').evaluate((e) => getComputedStyle(e).direction), 'rtl');
  await page.screenshot({ path: shotPath('search-hairatan-fa') });
  await li.dispatchEvent('mousedown');
  assert.equal(await input.inputValue(), 'Hairatan');
  assert.equal(await input.evaluate((e) => getComputedStyle(e).direction), 'ltr');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a Persian article is ingested, its facts highlighted, and one accepted', { skip }, async () => {
  const page = await open();
  await page.click('button[role=tab][data-tab=docs]');
  await page.fill('#doc-form input[name=token]', TOKEN);
  await page.fill('#doc-form input[name=date]', '2026-02-15');
  await page.selectOption('#doc-form select[name=lang]', 'fa');
  const article =
    'کابل – حجم تجارت افغانستان و قزاقستان در سال ۲۰۲۳ به ۵۴۵ میلیون دلار رسید. ' +
    'دو کشور هدف تجارت سه میلیارد دلاری را تعیین کردند.';
  await page.fill('#doc-form textarea[name=text]', article);
  await page.click('#doc-form button[type=submit]');
  await page.locator('#doc .doctext mark').first().waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#doc .doctext').evaluate((e) => getComputedStyle(e).direction), 'rtl', 'the Persian text runs right to left');
  // The highlights are the facts' quotes: byte offsets became string indices.
  const facts = page.locator('#doc ol.facts > li');
  const n = await facts.count();
  assert.ok(n >= 1, 'at least one fact was extracted');
  const marks = await page.locator('#doc .doctext mark').allInnerTexts();
  const quotes = await page.locator('#doc ol.facts q').allInnerTexts();
  for (const q of quotes) assert.ok(marks.join('').includes(q.trim()) || marks.some((m) => q.includes(m.trim())), `the quote «${q}» is highlighted`);
  assert.equal(marks[0].trim(), quotes[0].trim(), 'the first highlight is exactly the first quote');
  assert.equal(await facts.first().locator('.review').innerText(), 'pending');
  await facts.first().locator('button.accept').click();
  await facts.first().locator('.review.accepted').waitFor({ timeout: 15000 });
  assert.equal(await facts.first().locator('.review').innerText(), 'accepted');
  await page.screenshot({ path: shotPath('document-fa-accepted') });
  // The server kept the review: the fact is no longer pending.
  await page.click('#pending');
  await page.locator('#doc h3', { hasText: 'Pending facts' }).waitFor();
  assert.equal(await page.locator('#doc ul.facts > li').count(), n - 1);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('on a 390-px phone the map, the planner and the leg table fit the width', { skip }, async () => {
  const page = await open({ width: 390, height: 844 });
  await pick(page, 'from', 'Kabul', 'Kabul');
  await pick(page, 'to', 'Karachi', 'Karachi');
  await page.fill('input[name=as_of]', '2025-06-01');
  await plan(page, '2025-06-01');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `the page is ${width} px wide on a 390-px screen`);
  const map = await page.locator('#map').boundingBox();
  assert.ok(map && map.width >= 380 && map.height >= 250, 'the map fills the width');
  await page.locator('table.legs').scrollIntoViewIfNeeded();
  assert.ok(await page.locator('table.legs').isVisible());
  await page.screenshot({ path: shotPath('phone-390-kabul-karachi'), fullPage: false });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('planned links are dashed, closed crossings grey, and a crossing popup gives dwell, fee, data year, closures and sources', { skip }, async () => {
  const page = await open();
  const planned = page.locator('path[data-link="af-naibabad--af-maidan-shahr-rail"]');
  assert.equal(await planned.getAttribute('stroke-dasharray'), '7 6', 'the planned Trans-Afghan railway is dashed');
  const rail = page.locator('path[data-link="kz-dostyk--kz-aktogay-rail"]');
  assert.equal(await rail.getAttribute('stroke-dasharray'), null, 'an operational railway is solid');
  const torkham = page.locator('path[data-crossing="af-torkham--pk-torkham-road"]');
  assert.equal(await torkham.getAttribute('fill'), '#c8c8c8', 'Torkham, closed since October 2025, is grey');
  await torkham.click({ force: true });
  const popup = page.locator('.leaflet-popup-content .crossing');
  await popup.waitFor();
  const text = await popup.innerText();
  for (const want of [/Torkham/, /Dwell\s+24\.2 h/, /Fee\s+\$\d+/, /Data year\s+2022/, /Closures/, /2025-10-12/, /Sources:/]) assert.match(text, want);
  assert.ok((await popup.locator('a.src').count()) >= 3, 'the popup links its sources');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')).opacity === '1');
  await page.screenshot({ path: shotPath('crossing-popup-torkham') });
  // With the scenario on, the railway is drawn open.
  await page.locator('#scenarios > summary').click();
  await page.locator('#scenario-list input[value="trans-afghan-2030"]').check();
  await page.waitForFunction(() => {
    const p = document.querySelector('path[data-link="af-naibabad--af-maidan-shahr-rail"]');
    return p && !p.getAttribute('stroke-dasharray');
  });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('freight flows for 2030: line widths on the map, bottlenecks, corridor shares and the most critical crossings', { skip }, async () => {
  const page = await open();
  await page.click('[role=tab][data-tab=flows]');
  await page.selectOption('select[name=shares]', { index: 1 });
  await page.check('input[name=criticality]');
  await page.click('#flows-form button[type=submit]');
  await page.locator('#flows h3').waitFor({ timeout: 120000 });
  const text = await page.locator('#flows').innerText();
  assert.match(text, /Freight in 2030/);
  assert.match(text, /Mt\/yr in \d+ origin–destination pairs/);
  assert.match(text, /Bottlenecks \(\d+\)/);
  assert.match(text, /Most loaded links and crossings/);
  assert.match(text, /Corridor shares of UZ → PK/);
  assert.match(text, /Most critical crossings/);
  const flows = await page.locator('path.flow').count();
  assert.ok(flows > 10, `${flows} flow lines drawn`);
  // Widths follow tonnes: not every line is as wide as the others.
  const widths = await page.locator('path.flow').evaluateAll((ps) => ps.map((p) => Number(p.getAttribute('stroke-width'))));
  assert.ok(Math.max(...widths) > 2 * Math.min(...widths), 'line widths vary with tonnes');
  assert.equal(page.errors.length, 0, page.errors.join('; '));
  await page.screenshot({ path: shotPath('flows-2030') });
  await page.close();
});

test('the page requests nothing outside its server', { skip }, () => {
  assert.deepEqual(outside, [], 'requests outside ' + (server && server.url));
});
