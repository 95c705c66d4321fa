// The flows panel: a freight assignment on the corridor network (the
// year's trade turned into tonnes, at equilibrium), run as a job on the
// server, drawn as line widths with the bottlenecks highlighted, with the
// corridor shares and, when asked, the most critical links and crossings.
import { h, fill, add, num, usd, api } from './util.js';

const PAIRS = [
  ['', 'every pair with trade figures'],
  ['AF-KZ', 'Afghanistan–Kazakhstan'],
  ['AF-UZ', 'Afghanistan–Uzbekistan'],
  ['PK-UZ', 'Pakistan–Uzbekistan'],
];

const SHARES = [
  ['', 'none'],
  ['UZ-PK|trans-afghan-railway,IR', 'Uzbekistan → Pakistan: Trans-Afghan railway vs Iran'],
  ['KZ-AF|TM,UZ', 'Kazakhstan → Afghanistan: via Turkmenistan vs Uzbekistan'],
];

const mt = (t) => num(t / 1e6, 2);

/**
 * setupFlows wires the Flows tab: the form starts an assignment job and
 * follows it; the result is drawn on map.
 * @param {{map: import('./map.js').CorridorMap}} deps
 */
export function setupFlows({ map }) {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('flows-form'));
  const out = document.getElementById('flows');
  const status = document.getElementById('flows-status');
  fill(form.elements.namedItem('pairs'), ...PAIRS.map(([v, l]) => h('option', { value: v }, l)));
  fill(form.elements.namedItem('shares'), ...SHARES.map(([v, l]) => h('option', { value: v }, l)));
  api('scenarios')
    .then((ss) => add(form.elements.namedItem('scenario'), ...ss.map((s) => h('option', { value: s.name }, s.title))))
    .catch(() => {});
  let polling = 0;

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    const [pair, via] = String(f.get('shares') || '').split('|');
    const params = new URLSearchParams();
    for (const [k, v] of [
      ['year', f.get('year')],
      ['pairs', f.get('pairs')],
      ['scenario', f.get('scenario')],
      ['shares', pair],
      ['via', via],
      ['criticality', f.get('criticality') ? 'true' : ''],
      ['kinds', f.get('criticality') ? 'crossing' : ''],
    ]) {
      if (v) params.set(k, String(v));
    }
    const run = ++polling;
    map.clearFlows();
    fill(out);
    status.textContent = 'Queued…';
    try {
      let job = await api('assign?' + params.toString(), null, { method: 'POST' });
      while (job.state === 'queued' || job.state === 'running') {
        if (run !== polling) return;
        status.textContent = `${job.state}${job.stage ? ': ' + job.stage : ''} · ${num(job.elapsed_seconds, 1)} s`;
        await new Promise((r) => setTimeout(r, 250));
        job = await api('jobs/' + encodeURIComponent(job.id));
      }
      if (job.state !== 'done') throw new Error(job.error ? job.error.message : job.state);
      status.textContent = `done in ${num(job.elapsed_seconds, 1)} s`;
      map.showFlows(job.result.flows);
      render(job.result.report, out);
    } catch (e) {
      status.textContent = '';
      fill(out, h('p', { class: 'error', role: 'alert' }, e.message));
    }
  });
}

function render(rep, out) {
  const res = rep.result;
  const served = rep.demand.length - (res.unserved ? res.unserved.length : 0);
  const rows = [];
  add(
    out,
    h('h3', null, `Freight in ${rep.year}, network as of ${rep.as_of}${rep.scenario ? ' · ' + rep.scenario : ''}`),
    h(
      'p',
      { class: 'summary' },
      `${mt(res.demand_tonnes_per_year)} Mt/yr in ${served} origin–destination pairs`,
      res.unserved_tonnes_per_year > 0 ? `; ${mt(res.unserved_tonnes_per_year)} Mt/yr without a path` : '',
      `. Equilibrium after ${res.iterations} iteration(s), relative gap ${Math.max(0, Number(res.relative_gap)).toExponential(1)}; total generalized cost ${usd(res.total_cost_usd)} a year.`,
    ),
    h('p', { class: 'muted' }, `Demand: ${rep.demand_from}` + (rep.usd_per_tonne ? ` at $${num(rep.usd_per_tonne, 0)} per tonne` : '') + '. ' + rep.capacity_note.charAt(0).toUpperCase() + rep.capacity_note.slice(1) + '.'),
  );
  const b = rep.bottlenecks || [];
  add(
    out,
    h('h4', null, `Bottlenecks (${b.length})`),
    b.length
      ? h('ul', { class: 'bottlenecks' }, b.map((x) => h('li', null, `${x.name || x.id}: ${x.from} → ${x.to}, ${mt(x.tonnes_per_year)} Mt/yr on ${mt(x.capacity_tpy)} Mt/yr (v/c ${num(x.volume_capacity, 2)})`)))
      : h('p', { class: 'ok' }, 'None: every link, crossing and transfer carries less than its capacity at this demand.'),
  );
  for (const x of (res.flows || []).filter((f) => f.kind !== 'transfer').slice(0, 12)) {
    rows.push(
      h(
        'tr',
        { class: x.volume_capacity > 1 ? 'over' : x.volume_capacity > 0.8 ? 'near' : '' },
        h('td', null, x.name || x.id),
        h('td', null, `${x.from} → ${x.to}`),
        h('td', { class: 'num' }, mt(x.tonnes_per_year)),
        h('td', { class: 'num' }, mt(x.capacity_tpy) + (x.capacity_estimated ? ' EST' : '')),
        h('td', { class: 'num' }, num(x.volume_capacity, 2)),
      ),
    );
  }
  add(
    out,
    h('h4', null, 'Most loaded links and crossings'),
    h('table', { class: 'flows' }, h('tr', null, h('th', null, 'element'), h('th', null, 'direction'), h('th', null, 'Mt/yr'), h('th', null, 'capacity'), h('th', null, 'v/c')), rows),
  );
  if (rep.shares && rep.shares.length) {
    add(
      out,
      h('h4', null, `Corridor shares of ${rep.shares[0].from} → ${rep.shares[0].to} (${mt(rep.share_pair_tonnes)} Mt/yr)`),
      h('ul', { class: 'shares' }, rep.shares.map((s) => h('li', null, `via ${s.via}: ${num(100 * s.share, 1)} % (${mt(s.tonnes)} Mt/yr)`))),
    );
  }
  if (rep.criticality && rep.criticality.length) {
    add(
      out,
      h('h4', null, 'Most critical crossings (each closed in turn, re-equilibrated)'),
      h(
        'ol',
        { class: 'critical' },
        rep.criticality.slice(0, 5).map((c) => h('li', null, `${c.name || c.id}: +${usd(c.extra_cost_usd)} a year, ${mt(c.unserved_tonnes_per_year)} Mt/yr left without a path`)),
      ),
    );
  }
}
