// The trade dashboard: a country pair's reported series against its
// target, the trend and the verdict, with every figure's sources.
import uPlot from 'uplot';
import { h, fill, add, num, usd, api } from './util.js';
import { sourceLinks } from './sources.js';

const VERDICT = {
  on_track: ['On track', 'ok'],
  off_track: ['Off track', 'bad'],
  insufficient_data: ['Insufficient data', 'muted'],
  reached: ['Target reached', 'ok'],
};

function mid(s) {
  const a = Date.parse(s.start);
  const b = Date.parse(s.end);
  const y = (t) => new Date(t).getUTCFullYear() + (t - Date.UTC(new Date(t).getUTCFullYear(), 0, 1)) / (365.25 * 864e5);
  return (y(a) + y(b + 864e5)) / 2;
}

/** setupTrade fills the country selects and draws a pair on submit. */
export function setupTrade() {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('trade-form'));
  const out = document.getElementById('trade');
  let chart = null;

  api('countries')
    .then((cs) => {
      for (const [name, dflt] of [
        ['a', 'AF'],
        ['b', 'KZ'],
      ]) {
        const sel = /** @type {HTMLSelectElement} */ (form.elements.namedItem(name));
        fill(sel, ...cs.map((c) => h('option', { value: c.code, selected: c.code === dflt }, `${c.names.en} (${c.code})`)));
      }
    })
    .catch((e) => fill(out, h('p', { class: 'error' }, 'Countries: ' + e.message)));

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const f = new FormData(form);
    fill(out, h('p', { class: 'muted' }, 'Loading…'));
    try {
      const t = await api('trade', { a: f.get('a'), b: f.get('b') });
      if (chart) chart.destroy();
      chart = render(t, out);
    } catch (e) {
      fill(out, h('p', { class: 'error', role: 'alert' }, e.message));
    }
  });
}

function render(t, out) {
  const [vLabel, vClass] = VERDICT[t.verdict] || [String(t.verdict || 'no verdict').replace(/_/g, ' '), 'muted'];
  const series = t.series || [];
  const target = t.target && t.target.usd ? t.target.usd.value : null;
  // x: mid-year of each period; reported values (each figure), annualized partial years.
  const pts = [];
  for (const s of series) {
    const x = mid(s);
    s.figures.forEach((fig, k) => {
      if (!fig.usd) return;
      const ann = s.annual ? null : s.annualized_usd && s.annualized_usd[k];
      pts.push({ x, y: s.annual ? fig.usd.value : null, ann: ann || null });
    });
  }
  const xsSet = [...new Set(pts.map((p) => Math.round(p.x * 1000) / 1000))].sort((a, b) => a - b);
  const trend = t.trend && t.trend.slope != null ? t.trend : null;
  let xs = xsSet;
  if (xs.length) {
    const last = xs[xs.length - 1];
    const end = t.target && t.target.deadline ? Number(String(t.target.deadline).slice(0, 4)) + 0.5 : Math.ceil(last) + 1.5;
    if (end > last) xs = [...xs, end];
    xs = [Math.floor(xs[0]) - 0.5, ...xs];
  }
  const bn = (v) => (v == null ? null : v / 1e9);
  const col = (pick) =>
    xs.map((x) => {
      const at = pts.filter((p) => Math.abs(p.x - x) < 1e-3).map(pick).filter((v) => v != null);
      return at.length ? bn(Math.max(...at)) : null;
    });
  const colMin = (pick) =>
    xs.map((x) => {
      const at = pts.filter((p) => Math.abs(p.x - x) < 1e-3).map(pick).filter((v) => v != null);
      return at.length > 1 ? bn(Math.min(...at)) : null;
    });
  const data = [
    xs,
    col((p) => p.y),
    colMin((p) => p.y),
    col((p) => p.ann),
    xs.map(() => bn(target)),
    xs.map((x) => (trend ? bn(Math.exp(trend.intercept + trend.slope * x)) : null)),
  ];
  const pair = `${t.a}–${t.b}`;
  const chartEl = h('div', { class: 'trade-chart', 'aria-label': `Trade ${pair}: reported values against the target` });
  fill(out, 
    h('h3', null, `Trade ${pair}`, ' ', h('span', { class: 'verdict ' + vClass, 'data-verdict': t.verdict || '' }, vLabel)),
    target != null
      ? h('p', null, 'Target ', h('strong', null, usd(target)), ' a year', t.target.deadline ? ` by ${t.target.deadline}` : ' (no deadline)', t.target.reporter_name ? [' — ', h('span', { dir: 'auto' }, t.target.reporter_name)] : null, ' ', sourceLinks(t.target.sources))
      : h('p', { class: 'muted' }, 'No target recorded.'),
    t.latest ? h('p', null, `Latest annual period ${t.latest.period}: `, t.latest.figures.map((f) => usd(f.usd && f.usd.value)).join(' / ')) : null,
    trend ? h('p', { class: 'muted' }, `Trend ${num(trend.growth_pct)} % a year (${trend.points} figures, ${trend.periods} periods)`) : null,
    (t.notes || []).length ? h('ul', { class: 'notes' }, t.notes.map((n) => h('li', null, n))) : null,
    chartEl,
  );
  let u = null;
  if (xs.length) {
    const width = Math.max(260, Math.min(out.clientWidth || 380, 560));
    u = new uPlot(
      {
        width,
        height: 240,
        legend: { live: false },
        scales: { x: { time: false }, y: { range: (_, mn, mx) => [0, Math.max(mx || 0, (target || 0) / 1e9) * 1.1 || 1] } },
        axes: [{ values: (_, ticks) => ticks.map((v) => (Number.isInteger(v) ? String(v) : '')) }, { label: 'USD bn', size: 50 }],
        series: [
          { label: 'year', value: (_, v) => (v == null ? '' : num(v, 1)) },
          { label: 'reported', stroke: '#2166ac', width: 2, spanGaps: true, points: { show: true, size: 8, fill: '#2166ac' }, value: (_, v) => (v == null ? '–' : '$' + num(v, 2) + ' bn') },
          { label: 'other report', stroke: '#6baed6', width: 0, paths: () => null, points: { show: true, size: 7, fill: '#6baed6' }, value: (_, v) => (v == null ? '–' : '$' + num(v, 2) + ' bn') },
          { label: 'part year, annualized', stroke: '#9ecae1', width: 0, paths: () => null, points: { show: true, size: 8, fill: '#fff', width: 2 }, value: (_, v) => (v == null ? '–' : '$' + num(v, 2) + ' bn') },
          { label: 'target', stroke: '#d62728', width: 2, dash: [6, 4], points: { show: false }, value: (_, v) => (v == null ? '–' : '$' + num(v, 2) + ' bn') },
          { label: 'trend', stroke: '#888', width: 1.5, dash: [2, 3], points: { show: false }, value: (_, v) => (v == null ? '–' : '$' + num(v, 2) + ' bn') },
        ],
      },
      data,
      chartEl,
    );
  } else {
    chartEl.append(h('p', { class: 'muted' }, 'No dated figures for this pair.'));
  }
  add(out, 
    h('h4', null, 'Reported figures'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'figures' },
        h('thead', null, h('tr', null, ['Period', 'Kind', 'USD', 'Sources'].map((c) => h('th', null, c)))),
        h(
          'tbody',
          null,
          series.flatMap((s) => s.figures.map((f) => h('tr', null, h('td', null, s.period), h('td', null, f.kind + (f.qualifier ? ' (' + f.qualifier + ')' : '')), h('td', { class: 'n' }, usd(f.usd && f.usd.value)), h('td', null, sourceLinks(f.sources))))),
          (t.targets || []).map((f) => h('tr', { class: 'target' }, h('td', null, f.announced ? 'announced ' + f.announced : 'undated'), h('td', null, 'target'), h('td', { class: 'n' }, usd(f.usd && f.usd.value)), h('td', null, sourceLinks(f.sources)))),
        ),
      ),
    ),
    t.method ? h('details', { class: 'method' }, h('summary', null, 'Method'), h('p', null, t.method)) : null,
  );
  return u;
}
