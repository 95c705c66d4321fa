// Sources: every figure on the map and in the tables links its source ids
// to /api/v1/sources/{id}; a click shows the source in a sheet instead of
// leaving the page.
import { h, fill, add, api } from './util.js';

const cache = new Map();

/**
 * sourceLink is a link to one source; the sheet opens on click.
 * @param {string} id
 */
export function sourceLink(id) {
  return h('a', { class: 'src', href: '/api/v1/sources/' + encodeURIComponent(id), 'data-source': id }, id);
}

/**
 * sourceLinks lists source ids as links: either a flat list, or an object
 * {parameter: [ids]} as route legs give (shown "dwell: A, B · fee: C").
 * @param {string[] | Record<string, string[]> | {all?: string[]} | null | undefined} src
 */
export function sourceLinks(src) {
  if (!src) return null;
  if (Array.isArray(src)) return h('span', { class: 'srcs' }, join(src.map(sourceLink), ', '));
  const parts = Object.entries(src)
    .filter(([, ids]) => ids && ids.length)
    .map(([k, ids]) => h('span', { class: 'srcgroup' }, k === 'all' ? null : h('span', { class: 'muted' }, k + ': '), join(ids.map(sourceLink), ', ')));
  return h('span', { class: 'srcs' }, join(parts, ' · '));
}

function join(nodes, sep) {
  const out = [];
  nodes.forEach((n, i) => {
    if (i) out.push(sep);
    out.push(n);
  });
  return out;
}

/** showSource fetches a source and shows it in the sheet. */
export async function showSource(id) {
  const sheet = document.getElementById('source');
  sheet.hidden = false;
  fill(sheet, h('p', { class: 'muted' }, 'Loading source ' + id + '…'));
  try {
    let s = cache.get(id);
    if (!s) {
      s = await api('sources/' + encodeURIComponent(id));
      cache.set(id, s);
    }
    const covers = s.covers && (s.covers.From || s.covers.Until) ? `${s.covers.From || '…'}–${s.covers.Until || '…'}` : null;
    fill(sheet, 
      h('button', { class: 'close', 'aria-label': 'Close', onclick: () => (sheet.hidden = true) }, '×'),
      h('h3', null, h('span', { class: 'muted' }, 'Source '), s.id),
      h('p', { class: 'title', dir: 'auto' }, s.title),
      h(
        'dl',
        null,
        s.publisher && [h('dt', null, 'Publisher'), h('dd', { dir: 'auto' }, s.publisher)],
        s.date && [h('dt', null, 'Date'), h('dd', null, s.date)],
        covers && [h('dt', null, 'Covers'), h('dd', null, covers)],
        s.url && [
          h('dt', null, 'Address'),
          // Shown as text with a link the reader may follow; the page itself never fetches it.
          h('dd', null, h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', class: 'ext' }, s.url)),
        ],
        s.note && [h('dt', null, 'Note'), h('dd', { dir: 'auto' }, s.note)],
      ),
    );
  } catch (e) {
    fill(sheet, 
      h('button', { class: 'close', 'aria-label': 'Close', onclick: () => (sheet.hidden = true) }, '×'),
      h('p', { class: 'error' }, `Source ${id}: ${e.message}`),
    );
  }
}

/** installSourceLinks makes every a[data-source] in the page open the sheet. */
export function installSourceLinks() {
  document.addEventListener('click', (ev) => {
    const a = ev.target instanceof Element && ev.target.closest('a[data-source]');
    if (!a) return;
    ev.preventDefault();
    showSource(a.getAttribute('data-source'));
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') document.getElementById('source').hidden = true;
  });
}
