// The route planner: place search in any language, cargo, criterion,
// as-of date, avoid list, scenarios and open projects; the routes on the
// map, their leg tables with sources, the Pareto front and the diff of a
// scenario against the base network.
import uPlot from 'uplot';
import { h, fill, add, num, usd, bidi, api, debounce } from './util.js';
import { sourceLinks } from './sources.js';
import { linkColor } from './map.js';

const TRANSFERS = { rail_road: 'rail ↔ road', rail_ferry: 'rail ↔ ferry', road_ferry: 'road ↔ ferry', gauge_change: 'gauge change', transshipment: 'transshipment', port_handling: 'port handling' };

/**
 * @param {{map: import('./map.js').CorridorMap}} deps
 */
export function setupPlanner({ map }) {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('plan'));
  const status = document.getElementById('plan-status');
  const routesEl = document.getElementById('routes');
  const legsEl = document.getElementById('legs');
  const paretoEl = document.getElementById('pareto');
  const diffEl = document.getElementById('diff');
  const scenarioNow = document.getElementById('scenario-now');
  const chosen = { from: null, to: null }; // picked places {id, label}
  const state = { scenario: '', scenarios: [], open: new Set(), result: null, selected: 0, asOfBeforeScenario: null, chart: null, query: null };

  // --- place search ---------------------------------------------------
  for (const end of ['from', 'to']) {
    const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(end));
    const list = input.parentElement.querySelector('.suggest');
    let active = -1;
    const close = () => {
      list.hidden = true;
      active = -1;
    };
    const search = debounce(async () => {
      const q = input.value.trim();
      if (q.length < 2) return close();
      try {
        const rows = await api('places', { q });
        if (input.value.trim() !== q || document.activeElement !== input) return;
        fill(list, 
          ...rows.slice(0, 8).map((p) =>
            h(
              'li',
              { role: 'option', dataset: { id: p.id }, onmousedown: (ev) => (ev.preventDefault(), pick(p)) },
              h('span', { class: 'en' }, p.names.en),
              p.names.fa ? [' ', bidi(p.names.fa, 'fa')] : null,
              h('span', { class: 'muted' }, ` ${p.country} · ${p.kind.replace('_', ' ')}`),
              p.matched && p.matched !== p.names.en && p.matched !== p.names.fa ? h('span', { class: 'muted' }, ' (', bidi(p.matched), ')') : null,
            ),
          ),
        );
        if (!rows.length) fill(list, h('li', { class: 'muted' }, 'No place matches ', bidi(q)));
        list.hidden = false;
      } catch (e) {
        fill(list, h('li', { class: 'error' }, e.message));
        list.hidden = false;
      }
    }, 180);
    const pick = (p) => {
      chosen[end] = { id: p.id, label: p.names.en };
      input.value = p.names.en;
      input.dataset.placeId = p.id;
      close();
    };
    input.addEventListener('input', () => {
      chosen[end] = null;
      delete input.dataset.placeId;
      search();
    });
    input.addEventListener('keydown', (ev) => {
      const items = [...list.querySelectorAll('li[data-id]')];
      if (list.hidden || !items.length) return;
      if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
        ev.preventDefault();
        active = (active + (ev.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
        items.forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
      } else if (ev.key === 'Enter' && active >= 0) {
        ev.preventDefault();
        items[active].dispatchEvent(new MouseEvent('mousedown'));
      } else if (ev.key === 'Escape') close();
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
    input._pick = pick;
  }

  /** pickPlace fills an end from a place on the map. */
  function pickPlace(end, p) {
    const input = /** @type {any} */ (form.elements.namedItem(end));
    input._pick({ id: p.id, names: p.names || { en: p.name } });
    map.map.closePopup();
  }

  // --- scenarios and projects ------------------------------------------
  async function loadScenarios() {
    const list = document.getElementById('scenario-list');
    const plist = document.getElementById('project-list');
    try {
      const [scs, projects] = await Promise.all([api('scenarios'), api('projects', { limit: 200 })]);
      state.scenarios = scs;
      const radio = (name, title, desc, asOf) =>
        h(
          'label',
          { class: 'check', title: desc || '' },
          h('input', { type: 'radio', name: 'scenario', value: name, checked: name === '', onchange: () => setScenario(name) }),
          h('span', null, title, asOf ? h('span', { class: 'muted' }, ` (as of ${asOf})`) : null),
        );
      fill(list, radio('', 'Base network', 'The dataset as it is'), ...scs.map((s) => radio(s.name, s.title, s.description, s.as_of)));
      const items = projects.items || projects;
      fill(plist, 
        ...items.map((p) => {
          const last = p.history && p.history.length ? p.history[p.history.length - 1].status : '';
          return h(
            'label',
            { class: 'check' },
            h('input', {
              type: 'checkbox',
              value: p.id,
              onchange: (ev) => {
                if (ev.target.checked) state.open.add(p.id);
                else state.open.delete(p.id);
                scenarioChanged();
              },
            }),
            h('span', { dir: 'auto' }, p.names.en, last ? h('span', { class: 'muted' }, ` · ${last.replace('_', ' ')}`) : null),
          );
        }),
      );
    } catch (e) {
      fill(list, h('p', { class: 'error' }, 'Scenarios: ' + e.message));
    }
  }

  function setScenario(name) {
    const asOf = /** @type {HTMLInputElement} */ (form.elements.namedItem('as_of'));
    const sc = state.scenarios.find((s) => s.name === name);
    if (state.asOfBeforeScenario !== null) {
      asOf.value = state.asOfBeforeScenario;
      state.asOfBeforeScenario = null;
    }
    // A scenario describes the network on its own date: plan on that date
    // unless a later one is set.
    if (sc && sc.as_of && (!asOf.value || asOf.value < sc.as_of)) {
      state.asOfBeforeScenario = asOf.value;
      asOf.value = sc.as_of;
    }
    state.scenario = name;
    scenarioChanged();
  }

  function scenarioChanged() {
    const sc = state.scenarios.find((s) => s.name === state.scenario);
    const parts = [];
    if (sc) parts.push(sc.title);
    if (state.open.size) parts.push('open: ' + [...state.open].join(', '));
    scenarioNow.textContent = parts.length ? parts.join(' · ') : 'base network';
    reloadNetwork();
    if (state.query) plan();
  }

  const reloadNetwork = debounce(() => {
    const asOf = /** @type {HTMLInputElement} */ (form.elements.namedItem('as_of')).value;
    map.openProjects = new Set(state.open);
    map.load({ as_of: asOf, scenario: state.scenario }).catch((e) => (status.textContent = 'Network: ' + e.message));
  }, 100);
  form.elements.namedItem('as_of').addEventListener('change', reloadNetwork);

  // --- planning ---------------------------------------------------------
  function params() {
    const f = new FormData(form);
    const end = (k) => {
      const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(k));
      return input.dataset.placeId || String(f.get(k) || '').trim();
    };
    const show = f.get('show');
    return {
      from: end('from'),
      to: end('to'),
      as_of: f.get('as_of'),
      by: f.get('by'),
      teu: f.get('teu'),
      tonnes: f.get('tonnes'),
      rail_service: f.get('rail_service'),
      tir: f.get('tir') ? 'true' : '',
      avoid: String(f.get('avoid') || '').trim(),
      scenario: state.scenario,
      open: [...state.open].join(','),
      pareto: show === 'pareto' ? 'true' : '',
      alternatives: show === 'alternatives' ? 3 : '',
    };
  }

  let seq = 0;
  async function plan() {
    const q = params();
    if (!q.from || !q.to) {
      status.textContent = 'Give the origin and the destination.';
      return;
    }
    state.query = q;
    saveHash(q);
    const my = ++seq;
    status.textContent = 'Planning…';
    form.setAttribute('aria-busy', 'true');
    try {
      const res = await api('route', q);
      if (my !== seq) return;
      state.result = res;
      const rep = res.representative || [];
      select(rep.length ? rep[0] : 0, true);
      status.textContent = '';
      if (state.scenario && !q.avoid && !q.open) showDiff(q);
      else if (state.scenario || q.open) showClientDiff(q, res);
      else diffEl.hidden = true;
    } catch (e) {
      if (my !== seq) return;
      state.result = null;
      fill(routesEl, h('p', { class: 'error', role: 'alert' }, e.message));
      fill(legsEl);
      paretoEl.hidden = true;
      diffEl.hidden = true;
      map.showRoutes([], 0, () => {}, false);
      status.textContent = '';
    } finally {
      if (my === seq) form.removeAttribute('aria-busy');
    }
  }

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    for (const l of form.querySelectorAll('.suggest')) l.hidden = true;
    plan();
  });

  function select(i, fit) {
    const res = state.result;
    if (!res) return;
    state.selected = i;
    // A Pareto front can hold dozens of routes: draw its representatives only.
    const others = res.kind === 'pareto' ? new Set(res.representative || []) : undefined;
    map.showRoutes(res.routes, i, (j) => select(j, false), fit, others);
    renderRoutes(res);
    renderLegs(res.routes[i], i);
    renderPareto(res);
  }

  function renderRoutes(res) {
    const routes = res.routes;
    let shown = routes.map((_, i) => i);
    const reasons = new Map();
    if (res.kind === 'pareto') {
      shown = res.representative || [0];
      shown.forEach((i, k) => reasons.set(i, res.representative_reasons ? res.representative_reasons[k] : ''));
      if (!shown.includes(state.selected)) shown = [...shown, state.selected];
    }
    const r0 = routes[0];
    fill(routesEl, 
      h(
        'h3',
        null,
        h('bdi', { dir: 'auto' }, r0.from.name),
        ' → ',
        h('bdi', { dir: 'auto' }, r0.to.name),
        h('span', { class: 'muted' }, ` · as of ${r0.as_of} · by ${r0.by}` + (r0.rail_service ? ` · rail: ${r0.rail_service === 'block' ? 'block train' : r0.rail_service}` : '') + (r0.tir ? ' · trucks under TIR' : '') + (res.kind === 'pareto' ? ` · ${routes.length} routes on the front${res.truncated ? ' (search cut short)' : ''}` : '')),
      ),
      (() => {
        const ws = [...(res.warnings || []), ...avoidWarnings(state.query, routes[state.selected])];
        return ws.length ? h('ul', { class: 'warn' }, ws.map((w) => h('li', null, w))) : null;
      })(),
      h(
        'div',
        { class: 'cards', role: 'list' },
        shown.map((i) => {
          const t = routes[i].total;
          const via = routes[i].legs.filter((l) => l.kind === 'crossing').map((l) => l.crossing);
          return h(
            'button',
            {
              type: 'button',
              role: 'listitem',
              class: 'card' + (i === state.selected ? ' selected' : ''),
              'aria-pressed': String(i === state.selected),
              dataset: { route: String(i) },
              onclick: () => select(i, true),
            },
            h('span', { class: 'card-title' }, `Route ${i + 1}`, reasons.get(i) ? h('span', { class: 'muted' }, ' · ' + reasons.get(i)) : null),
            h('span', { class: 'total-hours', dataset: { hours: String(t.hours) } }, `${num(t.hours)} h`, h('span', { class: 'muted' }, ` ${num(t.days || t.hours / 24)} d`)),
            h('span', null, `${usd(t.usd)} · ${num(t.km, 0)} km · ${num(t.kg_co2, 0)} kg CO₂`),
            h('span', { class: 'muted' }, `${t.borders} border${t.borders === 1 ? '' : 's'}${via.length ? ': ' + via.join(', ') : ''}`),
          );
        }),
      ),
    );
  }

  // avoidWarnings names the avoided names the route still passes: the
  // server resolves a name to what it matches first (a crossing name
  // matches that crossing only), so say so rather than let it pass.
  function avoidWarnings(q, r) {
    if (!q || !q.avoid || !r) return [];
    const out = [];
    for (const item of q.avoid.split(',').map((x) => x.trim().toLowerCase()).filter((x) => x.length > 2)) {
      const has = (n) => n && n.toLowerCase().includes(item);
      const cross = r.legs.find((l) => l.kind === 'crossing' && has(l.crossing));
      const hit = cross || r.legs.find((l) => [l.from.name, l.to.name, l.from.id, l.to.id].some(has));
      if (cross) out.push(`This route still crosses at “${cross.crossing}”, which “${item}” did not exclude; avoid it by its id, ${cross.id}.`);
      else if (hit) out.push(`This route still passes “${has(hit.to.name) ? hit.to.name : hit.from.name}”, which “${item}” did not exclude; avoid it by its id, ${has(hit.to.name) ? hit.to.id : hit.from.id}.`);
    }
    return out;
  }

  function legWhat(l) {
    if (l.kind === 'crossing') {
      return [
        h('strong', { class: 'crossing-name' }, 'Border: ', bidi(l.crossing)),
        h('br'),
        `dwell ${num(l.dwell_hours)} h`,
        l.dwell_p90_hours != null ? ` (p90 ${num(l.dwell_p90_hours)})` : '',
        l.data_year ? ` · data ${l.data_year}` : '',
      ];
    }
    if (l.kind === 'transfer') {
      const to = `${l.to_mode}${l.to_gauge ? ' ' + l.to_gauge : ''}`;
      const from = `${l.mode}${l.gauge ? ' ' + l.gauge : ''}`;
      return [
        h('strong', { class: 'transfer-name' }, 'Transfer: ', TRANSFERS[l.transfer] || (l.transfer || '').replace(/_/g, ' ')),
        h('br'),
        `${from} → ${to}`,
        l.wait_hours ? ` · wait ${num(l.wait_hours)} h` : '',
      ];
    }
    return [''];
  }

  function countSources(src) {
    if (!src) return 0;
    const ids = Array.isArray(src) ? src : Object.values(src).flat();
    return new Set(ids).size;
  }

  function renderLegs(r, i) {
    if (!r) {
      fill(legsEl);
      return;
    }
    const t = r.total;
    fill(legsEl, 
      h(
        'h3',
        null,
        `Route ${i + 1}: legs`,
        h('span', { class: 'muted' }, ` · ${r.countries.join(' → ')}`),
        h(
          'label',
          { class: 'check inline' },
          h('input', { type: 'checkbox', class: 'show-sources', onchange: (ev) => legsEl.querySelectorAll('details.legsrc').forEach((d) => (d.open = ev.target.checked)) }),
          'all sources',
        ),
      ),
      h(
        'div',
        { class: 'table-wrap' },
        h(
          'table',
          { class: 'legs', 'aria-label': `Legs of route ${i + 1}` },
          h('thead', null, h('tr', null, ['#', 'From → to', 'Mode', 'km', 'Hours', 'USD', 'Transfer / crossing'].map((c) => h('th', null, c)))),
          h(
            'tbody',
            null,
            r.legs.flatMap((l, k) => [
              h(
                'tr',
                { class: 'leg ' + l.kind, dataset: { leg: String(k) } },
                h('td', null, k + 1),
                h(
                  'td',
                  null,
                  l.from.id === l.to.id ? bidi(l.from.name) : [bidi(l.from.name), ' → ', bidi(l.to.name)],
                  l.to.name_fa && l.from.id !== l.to.id ? h('div', { class: 'fa muted', dir: 'rtl' }, `${l.from.name_fa || ''} ← ${l.to.name_fa}`) : null,
                ),
                h('td', null, modeChip(l)),
                h('td', { class: 'n' }, num(l.km, 0)),
                h('td', { class: 'n' }, num(l.hours + (l.dwell_hours || 0) + (l.wait_hours || 0))),
                h('td', { class: 'n' }, num(l.usd, 0)),
                h('td', null, legWhat(l)),
              ),
              h(
                'tr',
                { class: 'leg-sources ' + l.kind, dataset: { leg: String(k) } },
                h('td', null, ''),
                h(
                  'td',
                  { colspan: '6' },
                  h(
                    'details',
                    { class: 'legsrc' },
                    h('summary', null, `${countSources(l.sources)} sources`, l.note ? ' · note' : '', l.corridors ? h('span', { class: 'muted' }, ' · ' + l.corridors.join(', ')) : null),
                    sourceLinks(l.sources),
                    l.note ? h('p', { class: 'note', dir: 'auto' }, l.note) : null,
                  ),
                ),
              ),
            ]),
          ),
          h(
            'tfoot',
            null,
            h(
              'tr',
              null,
              h('td', null, ''),
              h('td', null, 'Total', h('span', { class: 'muted' }, ` · p10–p90 ${num(t.hours_p10, 0)}–${num(t.hours_p90, 0)} h`)),
              h('td', null, ''),
              h('td', { class: 'n' }, num(t.km, 0)),
              h('td', { class: 'n' }, num(t.hours)),
              h('td', { class: 'n' }, num(t.usd, 0)),
              h('td', null, `${t.borders} borders · ${t.transfers} transfers`),
            ),
          ),
        ),
      ),
      r.sources && r.sources.length ? h('p', { class: 'allsrc' }, h('span', { class: 'muted' }, 'All sources of this route: '), sourceLinks(r.sources)) : null,
    );
  }

  function modeChip(l) {
    const s = h('span', { class: 'mode' }, `${l.mode}${l.gauge ? ' ' + l.gauge : ''}`);
    s.style.borderColor = linkColor(l.mode, l.gauge);
    return s;
  }

  function renderPareto(res) {
    if (res.kind !== 'pareto' || res.routes.length < 2) {
      paretoEl.hidden = true;
      if (state.chart) {
        state.chart.destroy();
        state.chart = null;
      }
      return;
    }
    paretoEl.hidden = false;
    const order = res.routes.map((r, i) => i).sort((a, b) => res.routes[a].total.hours - res.routes[b].total.hours);
    const xs = order.map((i) => res.routes[i].total.hours);
    const ys = order.map((i) => res.routes[i].total.usd);
    const sel = order.map((i) => (i === state.selected ? res.routes[i].total.usd : null));
    const el = document.getElementById('pareto-chart');
    const width = Math.max(260, Math.min(el.clientWidth || 360, 560));
    if (state.chart) state.chart.destroy();
    fill(el);
    const opts = {
      width,
      height: 200,
      scales: { x: { time: false } },
      legend: { show: false },
      cursor: { points: { size: 10 }, drag: { x: false, y: false } },
      axes: [
        { label: 'hours', size: 36, labelSize: 16 },
        { label: 'USD', size: 56, labelSize: 16 },
      ],
      series: [
        {},
        { label: 'route', stroke: '#2166ac', fill: '#2166ac', width: 0, paths: () => null, points: { show: true, size: 7, fill: '#2166ac' } },
        { label: 'shown', stroke: '#d62728', width: 0, paths: () => null, points: { show: true, size: 12, fill: '#ffd400', width: 2 } },
      ],
    };
    const u = new uPlot(opts, [xs, ys, sel], el);
    state.chart = u;
    u.over.addEventListener('click', () => {
      const k = u.cursor.idx;
      if (k != null && k >= 0) select(order[k], true);
    });
    u.over.title = 'Click a point to show that route';
    // Points are buttons for keyboards and tests.
    const pts = h(
      'div',
      { class: 'pareto-points' },
      order.map((i, k) =>
        h(
          'button',
          { type: 'button', class: 'pt' + (i === state.selected ? ' selected' : ''), dataset: { route: String(i) }, onclick: () => select(i, true) },
          `${num(xs[k], 0)} h · ${usd(ys[k])}`,
        ),
      ),
    );
    el.append(h('details', null, h('summary', null, 'All points'), pts));
  }

  // The diff endpoint takes a shipped scenario but neither open projects
  // nor an avoid list: with those, plan the base route too and compare
  // the totals here.
  async function showClientDiff(q, res) {
    diffEl.hidden = false;
    fill(diffEl, h('p', { class: 'muted' }, 'Comparing with the base network…'));
    try {
      const baseRes = await api('route', { ...q, scenario: '', open: '', pareto: '', alternatives: '' });
      const a = baseRes.routes[0];
      const b = res.routes[res.representative && res.representative.length ? res.representative[0] : 0];
      const what = [state.scenario, q.open ? 'open ' + q.open : ''].filter(Boolean).join(' + ');
      const dh = b.total.hours - a.total.hours;
      const du = b.total.usd - a.total.usd;
      const via = (r) => r.legs.filter((l) => l.kind === 'crossing').map((l) => l.crossing).join(', ') || 'no border';
      const sign = (x, dp) => `${x > 0 ? '+' : ''}${num(x, dp)}`;
      fill(
        diffEl,
        h('h3', null, 'Against the base network'),
        h('p', { class: 'summary' }, `${what} is ${num(Math.abs(dh))} h ${dh <= 0 ? 'faster' : 'slower'} and ${num(Math.abs(du), 0)} USD ${du <= 0 ? 'cheaper' : 'dearer'} than base`),
        h(
          'table',
          { class: 'diff' },
          h('thead', null, h('tr', null, h('th', null, ''), h('th', null, 'base'), h('th', null, what), h('th', null, 'change'))),
          h(
            'tbody',
            null,
            h('tr', null, h('td', null, 'Hours'), h('td', { class: 'n' }, num(a.total.hours)), h('td', { class: 'n' }, num(b.total.hours)), h('td', { class: 'n' }, sign(dh, 1) + ' h')),
            h('tr', null, h('td', null, 'USD'), h('td', { class: 'n' }, num(a.total.usd, 0)), h('td', { class: 'n' }, num(b.total.usd, 0)), h('td', { class: 'n' }, sign(du, 0))),
            h('tr', null, h('td', null, 'Borders'), h('td', { class: 'n' }, a.total.borders), h('td', { class: 'n' }, b.total.borders), h('td', { class: 'n' }, sign(b.total.borders - a.total.borders, 0))),
          ),
        ),
        h('p', { class: 'muted' }, `via ${via(a)} → ${via(b)}`),
      );
    } catch (e) {
      fill(diffEl, h('p', { class: 'error' }, 'Base route: ' + e.message));
    }
  }

  async function showDiff(q) {
    diffEl.hidden = false;
    fill(diffEl, h('p', { class: 'muted' }, 'Comparing with the base network…'));
    try {
      const d = await api('scenarios/diff', { a: 'base', b: q.scenario, from: q.from, to: q.to, by: q.by, as_of: q.as_of, teu: q.teu, tonnes: q.tonnes, rail_service: q.rail_service, tir: q.tir });
      const delta = d.delta || {};
      const sign = (x, unit, dp = 1) => (x == null ? '–' : `${x > 0 ? '+' : ''}${num(x, dp)} ${unit}`);
      fill(diffEl, 
        h('h3', null, 'Against the base network'),
        h('p', { class: 'summary' }, d.summary || ''),
        h(
          'table',
          { class: 'diff' },
          h('thead', null, h('tr', null, h('th', null, ''), h('th', null, 'base'), h('th', null, q.scenario), h('th', null, 'change'))),
          h(
            'tbody',
            null,
            h('tr', null, h('td', null, 'Hours'), h('td', { class: 'n' }, num(d.itinerary_a.total.hours)), h('td', { class: 'n' }, num(d.itinerary_b.total.hours)), h('td', { class: 'n' }, sign(delta.hours, 'h'))),
            h('tr', null, h('td', null, 'USD'), h('td', { class: 'n' }, num(d.itinerary_a.total.usd, 0)), h('td', { class: 'n' }, num(d.itinerary_b.total.usd, 0)), h('td', { class: 'n' }, sign(delta.usd, '', 0))),
            h('tr', null, h('td', null, 'Borders'), h('td', { class: 'n' }, d.itinerary_a.total.borders), h('td', { class: 'n' }, d.itinerary_b.total.borders), h('td', { class: 'n' }, sign(delta.borders, '', 0))),
          ),
        ),
        (d.changes || []).map((c) =>
          h(
            'details',
            { class: 'why' },
            h('summary', null, 'via ', (c.a && c.a.via ? c.a.via.join(', ') : '–'), ' → ', (c.b && c.b.via ? c.b.via.join(', ') : '–')),
            h('ul', null, (c.why || []).map((w) => h('li', { dir: 'auto' }, w))),
          ),
        ),
      );
    } catch (e) {
      fill(diffEl, h('p', { class: 'error' }, 'Diff: ' + e.message));
    }
  }

  // The planned query lives in the address (#from=…&to=…), so a route can
  // be shared or bookmarked.
  const HASH_KEYS = ['from', 'to', 'as_of', 'by', 'teu', 'tonnes', 'rail_service', 'tir', 'avoid', 'scenario', 'open', 'show'];
  function saveHash(q) {
    const f = new FormData(form);
    const hp = new URLSearchParams();
    for (const k of HASH_KEYS) {
      const v = k === 'show' ? f.get('show') : q[k];
      if (v && v !== 'best' && !(k === 'by' && v === 'time') && !(k === 'rail_service' && v === 'block')) hp.set(k, String(v));
    }
    history.replaceState(null, '', '#' + hp.toString());
  }

  async function restoreHash() {
    const hp = new URLSearchParams(location.hash.slice(1));
    if (!hp.get('from') || !hp.get('to')) return;
    for (const k of ['from', 'to', 'as_of', 'by', 'teu', 'tonnes', 'rail_service', 'avoid', 'show']) {
      const el = /** @type {HTMLInputElement} */ (form.elements.namedItem(k));
      if (el && hp.get(k)) el.value = hp.get(k);
    }
    const tir = /** @type {HTMLInputElement} */ (form.elements.namedItem('tir'));
    tir.checked = hp.get('tir') === 'true';
    for (const id of (hp.get('open') || '').split(',').filter(Boolean)) {
      state.open.add(id);
      const cb = /** @type {HTMLInputElement|null} */ (document.querySelector(`#project-list input[value="${CSS.escape(id)}"]`));
      if (cb) cb.checked = true;
    }
    const sc = hp.get('scenario') || '';
    if (sc) {
      state.scenario = sc;
      const r = /** @type {HTMLInputElement|null} */ (document.querySelector(`#scenario-list input[value="${CSS.escape(sc)}"]`));
      if (r) r.checked = true;
    }
    if (sc || state.open.size) {
      const s0 = state.scenarios.find((x) => x.name === sc);
      scenarioNow.textContent = [s0 ? s0.title : sc, state.open.size ? 'open: ' + [...state.open].join(', ') : ''].filter(Boolean).join(' · ');
      reloadNetwork();
    }
    plan();
  }

  loadScenarios().then(restoreHash);
  return { pickPlace, reloadNetwork };
}
