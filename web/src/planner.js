// The route planner: place search in any language, waypoints with the
// modes of the legs between them, cargo, criterion, as-of date, avoid
// list, scenarios and open projects; the routes on the
// map, their leg tables with sources, the Pareto front and the diff of a
// scenario against the base network.
import uPlot from 'uplot';
import { h, fill, add, num, usd, bidi, api, debounce } from './util.js';
import { sourceLinks } from './sources.js';
import { linkColor } from './map.js';
import { MODES, MAX_VIA, viaParam, legModesParam, parseLegModes, addWaypoint, removeWaypoint, moveWaypoint, fitLegs, eitherSide, passes, nameStops, errorPlace } from './waypoints.js';

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
  /**
   * placeSearch suggests places as one types into input (the list of
   * suggestions is the .suggest next to it): arrows move, Enter picks,
   * Escape closes. With either, a border whose two sides are found is
   * also offered as one place, either side of the crossing.
   * @param {HTMLInputElement} input
   * @param {(p: any) => void} onPick
   * @param {{either?: boolean, onEdit?: () => void}=} opts
   */
  function placeSearch(input, onPick, opts = {}) {
    const list = input.parentElement.querySelector('.suggest');
    let active = -1;
    const close = () => {
      list.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
    };
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    const search = debounce(async () => {
      const q = input.value.trim();
      if (q.length < 2) return close();
      try {
        const rows = await api('places', { q });
        if (input.value.trim() !== q || document.activeElement !== input) return;
        const both = opts.either ? eitherSide(rows) : [];
        fill(list,
          ...both.map((b) => {
            // Marked on the map at the first side found.
            const side = rows.find((p) => b.ids.includes(p.id));
            const p = { id: '', either: b, names: { en: b.name }, lon: side.lon, lat: side.lat };
            return h(
              'li',
              { role: 'option', class: 'either', dataset: { id: b.ids.join('|') }, onmousedown: (ev) => (ev.preventDefault(), pick(p)) },
              h('span', { class: 'en' }, b.name),
              h('span', { class: 'muted' }, ' · either side of the border'),
            );
          }),
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
        input.setAttribute('aria-expanded', 'true');
      } catch (e) {
        fill(list, h('li', { class: 'error' }, e.message));
        list.hidden = false;
      }
    }, 180);
    const pick = (p) => {
      input.value = p.names.en;
      close();
      onPick(p);
    };
    input.addEventListener('input', () => {
      clearFieldError(input);
      if (opts.onEdit) opts.onEdit();
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
    return pick;
  }

  for (const end of ['from', 'to']) {
    const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(end));
    input._pick = placeSearch(
      input,
      (p) => {
        chosen[end] = { id: p.id, label: p.names.en };
        input.dataset.placeId = p.id;
        via.relabel();
      },
      {
        onEdit: () => {
          chosen[end] = null;
          delete input.dataset.placeId;
          via.relabel();
        },
      },
    );
  }

  // --- waypoints (via) and the modes of the legs between the stops -----
  const via = setupVia();

  /**
   * setupVia draws the waypoint list: each waypoint a place field with
   * buttons to move it earlier or later and to remove it, and between the
   * stops, once there are waypoints, the modes each leg may use (none
   * ticked: any). The list is redrawn on each change of its structure;
   * typing only updates the state and the legs' labels.
   */
  function setupVia() {
    const box = document.getElementById('via-list');
    const addBtn = /** @type {HTMLButtonElement} */ (document.getElementById('via-add'));
    const hint = document.getElementById('via-hint');
    let s = { wps: [], legs: [[]] };
    const stopName = (k) => {
      // k: 0 the origin, 1..n the waypoints, n+1 the destination.
      if (k === 0) return String(/** @type {HTMLInputElement} */ (form.elements.namedItem('from')).value).trim() || 'origin';
      if (k === s.wps.length + 1) return String(/** @type {HTMLInputElement} */ (form.elements.namedItem('to')).value).trim() || 'destination';
      const w = s.wps[k - 1];
      return wpLabel(w) || `waypoint ${k}`;
    };
    const legLabel = (i) => [stopName(i), ' → ', stopName(i + 1)];
    const set = (next, focus) => {
      s = next;
      render(focus);
      drawDraft();
    };

    function render(focus) {
      const n = s.wps.length;
      const rows = [];
      for (let i = 0; i <= n; i++) {
        if (n > 0) rows.push(legRow(i));
        if (i < n) rows.push(wpRow(i));
      }
      fill(box, rows);
      box.hidden = n === 0;
      addBtn.disabled = n >= MAX_VIA;
      addBtn.title = n >= MAX_VIA ? `At most ${MAX_VIA} waypoints` : '';
      hint.hidden = n > 0;
      if (focus) {
        // A button disabled at the end of the list hands the focus to its neighbour.
        let el = focus === 'add' ? addBtn : box.querySelector(focus);
        if (el && el.disabled) el = box.querySelector(focus.replace(/\.(up|down)$/, (m) => (m === '.up' ? '.down' : '.up')));
        (el && !el.disabled ? el : addBtn).focus();
      }
    }

    function legRow(i) {
      const n = s.wps.length;
      const modes = s.legs[i] || [];
      return h(
        'div',
        { class: 'via-leg', role: 'group', 'aria-labelledby': `via-leg-${i}-label`, dataset: { leg: String(i) } },
        h('span', { class: 'via-leg-label', id: `via-leg-${i}-label` }, h('span', { class: 'sr-only' }, `Modes of leg ${i + 1}: `), h('span', { class: 'via-leg-stops' }, legLabel(i))),
        h(
          'span',
          { class: 'chips' },
          MODES.map((m) =>
            h(
              'label',
              { class: 'chip', title: `Leg ${i + 1} of ${n + 1} by ${m}` },
              h('input', {
                type: 'checkbox',
                name: `leg_${i}_mode`,
                value: m,
                checked: modes.includes(m),
                onchange: (ev) => {
                  const cur = new Set(s.legs[i] || []);
                  if (ev.target.checked) cur.add(m);
                  else cur.delete(m);
                  s.legs = fitLegs(s.legs, n);
                  s.legs[i] = MODES.filter((x) => cur.has(x));
                  const any = box.querySelector(`.via-leg[data-leg="${i}"] .any`);
                  if (any) any.hidden = s.legs[i].length > 0;
                  clearFieldError(ev.target.closest('.via-leg'));
                },
              }),
              h('span', null, m),
            ),
          ),
          h('span', { class: 'any muted', hidden: modes.length > 0 }, 'any mode'),
        ),
        h('p', { class: 'field-error error', id: `via-leg-${i}-error`, role: 'alert', hidden: true }),
      );
    }

    function wpRow(i) {
      const n = s.wps.length;
      const w = s.wps[i];
      const input = /** @type {HTMLInputElement} */ (
        h('input', { class: 'via-input', id: `via-${i}`, dir: 'auto', value: w.text, placeholder: 'Osh, Torkham, کاشغر …', 'aria-label': `Waypoint ${i + 1} of ${n}` })
      );
      if (w.id || w.ids) input.dataset.placeId = w.id || w.ids.join('|');
      const row = h(
        'div',
        { class: 'via-wp', dataset: { wp: String(i) } },
        h('span', { class: 'wp-num', 'aria-hidden': 'true' }, String(i + 1)),
        h('span', { class: 'place-field' }, input, h('ul', { class: 'suggest', role: 'listbox', hidden: true })),
        h('button', { type: 'button', class: 'icon up', 'aria-label': `Move waypoint ${i + 1} earlier`, title: 'Earlier', disabled: i === 0, onclick: () => set(moveWaypoint(s, i, -1), `[data-wp="${i - 1}"] .up`) }, '↑'),
        h('button', { type: 'button', class: 'icon down', 'aria-label': `Move waypoint ${i + 1} later`, title: 'Later', disabled: i === n - 1, onclick: () => set(moveWaypoint(s, i, 1), `[data-wp="${i + 1}"] .down`) }, '↓'),
        h('button', { type: 'button', class: 'icon remove', 'aria-label': `Remove waypoint ${i + 1}`, title: 'Remove', onclick: () => set(removeWaypoint(s, i), n > 1 ? `[data-wp="${Math.min(i, n - 2)}"] input.via-input` : 'add') }, '×'),
        h('p', { class: 'field-error error', id: `via-${i}-error`, role: 'alert', hidden: true }),
      );
      placeSearch(
        input,
        (p) => {
          s.wps = s.wps.slice();
          s.wps[i] = p.either
            ? { text: `${p.either.name} (either side)`, value: p.either.name, ids: p.either.ids, lon: p.lon, lat: p.lat }
            : { text: p.names.en, id: p.id, lon: p.lon, lat: p.lat };
          input.value = s.wps[i].text;
          input.dataset.placeId = p.id || p.either.ids.join('|');
          relabel();
          drawDraft();
        },
        {
          either: true,
          onEdit: () => {
            s.wps = s.wps.slice();
            s.wps[i] = { text: input.value };
            delete input.dataset.placeId;
            relabel();
            drawDraft();
          },
        },
      );
      return row;
    }

    /** relabel rewrites the legs' labels after a stop's name changed. */
    function relabel() {
      for (const el of box.querySelectorAll('.via-leg')) fill(el.querySelector('.via-leg-stops'), legLabel(Number(el.dataset.leg)));
    }

    /** drawDraft marks the picked waypoints on the map until a route is planned through them. */
    function drawDraft() {
      map.showWaypoints(
        s.wps.map((w, k) => (w.lat != null ? { n: k + 1, lat: w.lat, lon: w.lon, name: wpLabel(w), draft: true } : null)).filter(Boolean),
      );
    }

    addBtn.addEventListener('click', () => set(addWaypoint(s), `[data-wp="${s.wps.length}"] input.via-input`));
    render();

    return {
      get: () => s,
      set: (next) => set({ wps: next.wps, legs: fitLegs(next.legs, next.wps.length) }),
      add: (p) => {
        if (s.wps.length >= MAX_VIA) return false;
        set(addWaypoint(s, { text: p.names.en, id: p.id, lon: p.lon, lat: p.lat }));
        return true;
      },
      relabel,
      drawDraft,
      /** named sets the text of waypoints given by id (from the address) to their names. */
      named: (names) => {
        const prev = s.wps;
        s.wps = nameStops(prev, names);
        if (s.wps.some((w, k) => w !== prev[k]) && !box.contains(document.activeElement)) render();
      },
    };
  }

  // --- errors next to their fields -----------------------------------------
  /** fieldError shows message under the field of an API error (see errorPlace); false when it has none. */
  function fieldError(where, message) {
    let host = null;
    let input = null;
    if (where.field === 'via') {
      if (where.index != null) {
        host = document.getElementById(`via-${where.index}-error`);
        input = document.getElementById(`via-${where.index}`);
      } else host = document.getElementById('via-error');
    } else if (where.field === 'leg_modes') {
      host = where.index != null ? document.getElementById(`via-leg-${where.index}-error`) : document.getElementById('via-error');
    } else {
      input = /** @type {HTMLInputElement|null} */ (form.elements.namedItem(where.field));
      if (input && input.closest) {
        const label = input.closest('label');
        host = label && label.querySelector('.field-error');
        if (label && !host) host = label.appendChild(h('p', { class: 'field-error error', id: `${where.field}-error`, role: 'alert', hidden: true }));
      }
    }
    if (!host) return false;
    host.textContent = message;
    host.hidden = false;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', host.id);
    }
    return true;
  }

  /** clearFieldError hides the error of the field (or group) el belongs to. */
  function clearFieldError(el) {
    if (!el) return;
    const host = el.closest('.via-wp, .via-leg, label');
    const p = host && host.querySelector(':scope > .field-error');
    if (p) p.hidden = true;
    if (el.removeAttribute) el.removeAttribute('aria-invalid');
  }

  function clearFieldErrors() {
    for (const p of form.querySelectorAll('.field-error')) p.hidden = true;
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  }

  /** pickPlace fills an end from a place on the map, or adds it as a waypoint (end 'via'). */
  function pickPlace(end, p) {
    const place = { id: p.id, names: p.names || { en: p.name }, lon: p.lon, lat: p.lat };
    if (end === 'via') {
      if (!via.add(place)) status.textContent = `At most ${MAX_VIA} waypoints.`;
    } else {
      const input = /** @type {any} */ (form.elements.namedItem(end));
      input._pick(place);
    }
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
    const v = via.get();
    return {
      from: end('from'),
      to: end('to'),
      via: viaParam(v.wps),
      leg_modes: legModesParam(v.legs, v.wps.length),
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
    clearFieldErrors();
    if (!q.from || !q.to) {
      status.textContent = 'Give the origin and the destination.';
      return;
    }
    const v = via.get();
    const empty = v.wps.findIndex((w) => !w.text.trim());
    if (empty >= 0) {
      fieldError({ field: 'via', index: empty }, 'Give a place for this waypoint, or remove it.');
      status.textContent = 'Not planned: see the waypoint marked above.';
      return;
    }
    state.query = q;
    state.stops = v.wps.map((w) => ({ ...w }));
    state.stopLegs = fitLegs(v.legs, v.wps.length);
    saveHash(q);
    const my = ++seq;
    status.textContent = 'Planning…';
    form.setAttribute('aria-busy', 'true');
    try {
      const res = await api('route', q);
      if (my !== seq) return;
      state.result = res;
      const rep = res.representative || [];
      // Named before the heading and the itinerary are drawn with the stops.
      nameFromAddress(res.routes[rep.length ? rep[0] : 0]);
      select(rep.length ? rep[0] : 0, true);
      status.textContent = '';
      // The diff endpoint plans without waypoints: compare here with them.
      if (state.scenario && !q.avoid && !q.open && !q.via) showDiff(q);
      else if (state.scenario || q.open) showClientDiff(q, res);
      else diffEl.hidden = true;
    } catch (e) {
      if (my !== seq) return;
      state.result = null;
      const where = errorPlace(e, state.stops);
      const shown = where && fieldError(where, e.message);
      fill(routesEl, shown ? null : h('p', { class: 'error', role: 'alert' }, e.message));
      fill(legsEl);
      paretoEl.hidden = true;
      diffEl.hidden = true;
      map.showRoutes([], 0, () => {}, false);
      via.drawDraft();
      status.textContent = shown ? `Not planned: see the ${where.field === 'via' ? 'waypoint' : where.field === 'leg_modes' ? 'modes of the legs' : 'field'} marked above.` : '';
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
    const r = res.routes[i];
    const ps = passes(r.legs, state.stops || []);
    map.showWaypoints(
      ps
        .map((k, n) => {
          if (k < 0) return null;
          const ll = legEnd(r, k);
          return ll && { n: n + 1, lat: ll[1], lon: ll[0], name: r.legs[k].to.name };
        })
        .filter(Boolean),
    );
    renderRoutes(res);
    renderLegs(r, i, ps);
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
        (state.stops || []).map((w, n) => [h('span', { class: 'wp-num small', 'aria-hidden': 'true' }, String(n + 1)), h('bdi', { dir: 'auto', class: 'via-name' }, wpLabel(w)), ' → ']),
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

  /** renderLegs draws the itinerary of route r (number i) with the waypoints it passes (ps, see passes). */
  function renderLegs(r, i, ps) {
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
              ...stopRows(r, k, ps),
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
                h('td', { class: 'n' }, num(legHours(l))),
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

  /**
   * stopRows are the rows of the waypoints reached by leg k (the rows go
   * after its sources): the waypoint, the place passed, and the distance,
   * time and cost from the origin; with modes per leg, the next leg's.
   */
  function stopRows(r, k, ps) {
    return ps.flatMap((at, n) => (at >= 0 && at === k - 1 ? [stopRow(r, at, n)] : []));
  }

  function stopRow(r, at, n) {
    let km = 0;
    let hrs = 0;
    let cost = 0;
    for (const l of r.legs.slice(0, at + 1)) {
      km += l.km;
      hrs += legHours(l);
      cost += l.usd;
    }
    const w = state.stops[n];
    const next = (state.stopLegs || [])[n + 1] || [];
    const place = r.legs[at].to;
    return h(
      'tr',
      { class: 'stop', dataset: { wp: String(n + 1), leg: String(at) } },
      h('td', null, h('span', { class: 'wp-num', title: `Waypoint ${n + 1}` }, String(n + 1))),
      h(
        'td',
        { colspan: '2' },
        h('strong', null, `Waypoint ${n + 1}: `, bidi(place.name)),
        wpLabel(w) && wpLabel(w).toLowerCase() !== place.name.toLowerCase() ? h('span', { class: 'muted' }, ' (', bidi(wpLabel(w)), ')') : null,
        next.length ? h('div', { class: 'muted' }, `next leg by ${next.join(' or ')}`) : null,
      ),
      h('td', { class: 'n' }, num(km, 0)),
      h('td', { class: 'n' }, num(hrs)),
      h('td', { class: 'n' }, num(cost, 0)),
      h('td', { class: 'muted' }, `reached after leg ${at + 1}; totals from `, bidi(r.from.name)),
    );
  }

  /** legEnd is the [lon, lat] where leg k of r ends (its geometry's last point). */
  function legEnd(r, k) {
    const fs = (r.geometry && r.geometry.features) || [];
    const f = fs.find((x) => x.properties && x.properties.leg === k);
    if (!f) return null;
    const c = f.geometry.coordinates;
    return f.geometry.type === 'LineString' ? c[c.length - 1] : c;
  }

  /**
   * nameFromAddress writes the names of places given by id (a shared
   * address carries ids) into their fields, once a route names them.
   */
  function nameFromAddress(r) {
    if (!r) return;
    for (const [end, p] of [['from', r.from], ['to', r.to]]) {
      const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(end));
      if (input.value === p.id) {
        input.value = p.name;
        input.dataset.placeId = p.id;
      }
    }
    const ps = passes(r.legs, state.stops || []);
    const names = ps.map((k) => (k >= 0 ? r.legs[k].to.name : ''));
    state.stops = nameStops(state.stops || [], names);
    via.named(names);
    via.relabel();
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
  const HASH_KEYS = ['from', 'to', 'via', 'leg_modes', 'as_of', 'by', 'teu', 'tonnes', 'rail_service', 'tir', 'avoid', 'scenario', 'open', 'show'];
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
    const vs = (hp.get('via') || '').split(',').map((x) => x.trim()).filter(Boolean).slice(0, MAX_VIA);
    if (vs.length) {
      // An id (kz-almaty) is kept as the place; anything else is sent as typed.
      const wps = vs.map((v) => (/^[a-z]{2}-[a-z0-9-]+$/.test(v) ? { text: v, id: v } : { text: v }));
      via.set({ wps, legs: parseLegModes(hp.get('leg_modes') || '', wps.length) });
    }
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
  form.addEventListener('input', (ev) => {
    const t = /** @type {HTMLElement} */ (ev.target);
    if (t.matches && t.matches('input:not(.via-input):not([name=from]):not([name=to])')) clearFieldError(t);
  });
  return { pickPlace, reloadNetwork };
}

/** legHours is a leg's time: moving, dwelling at a border and waiting at a transfer. */
function legHours(l) {
  return l.hours + (l.dwell_hours || 0) + (l.wait_hours || 0);
}

/** wpLabel is how a waypoint is named in the panel: a border without its "(either side)". */
function wpLabel(w) {
  return (w && (w.value || w.text) || '').trim();
}
