// The document viewer: ingest an article (with the bearer token, kept in
// sessionStorage), show its text with the extracted facts highlighted by
// their offsets, and accept or reject each fact.
import { h, fill, add, num, usd, api, post, byteIndex } from './util.js';

const TOKEN_KEY = 'caravan.token';

/**
 * segments cuts text at every fact boundary and returns the pieces with
 * the facts covering each. Fact offsets are UTF-8 byte offsets (as the
 * API gives them); they are converted to string indices here.
 * @param {string} text
 * @param {{id: string, start: number, end: number}[]} facts
 * @returns {{text: string, facts: string[]}[]}
 */
export function segments(text, facts) {
  const at = byteIndex(text);
  const spans = facts.map((f) => ({ id: f.id, s: at(f.start), e: at(f.end) })).filter((f) => f.e > f.s);
  const cuts = new Set([0, text.length]);
  for (const f of spans) {
    cuts.add(f.s);
    cuts.add(f.e);
  }
  const xs = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const [a, b] = [xs[i], xs[i + 1]];
    out.push({ text: text.slice(a, b), facts: spans.filter((f) => f.s <= a && f.e >= b).map((f) => f.id) });
  }
  return out;
}

/** setupDocs wires the ingest form and the pending-facts list. */
export function setupDocs() {
  const form = /** @type {HTMLFormElement} */ (document.getElementById('doc-form'));
  const out = document.getElementById('doc');
  const status = document.getElementById('doc-status');
  const tokenInput = /** @type {HTMLInputElement} */ (form.elements.namedItem('token'));
  tokenInput.value = sessionStorage.getItem(TOKEN_KEY) || '';
  tokenInput.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, tokenInput.value.trim()));
  const token = () => tokenInput.value.trim();

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, token());
    const f = new FormData(form);
    const body = { text: String(f.get('text') || '') };
    for (const k of ['date', 'url', 'title', 'lang']) if (f.get(k)) body[k] = String(f.get(k));
    status.textContent = 'Ingesting…';
    try {
      const res = await post('documents', body, token());
      status.textContent = `${res.created ? 'Stored' : 'Already stored'} as ${res.document}: ${res.facts.length} fact${res.facts.length === 1 ? '' : 's'}.`;
      await showDocument(res.document);
    } catch (e) {
      status.textContent = '';
      fill(out, h('p', { class: 'error', role: 'alert' }, e.status === 401 || e.status === 403 ? `${e.message} (check the token)` : e.message));
    }
  });

  document.getElementById('pending').addEventListener('click', async () => {
    status.textContent = 'Loading pending facts…';
    try {
      const l = await api('facts', { status: 'pending', limit: 100 });
      const items = l.items || l;
      status.textContent = `${items.length} pending fact${items.length === 1 ? '' : 's'}${l.total != null ? ' of ' + l.total : ''}.`;
      fill(out, 
        h('h3', null, 'Pending facts'),
        h(
          'ul',
          { class: 'facts' },
          items.map((f) =>
            h('li', null, factLine(f), ' ', h('button', { type: 'button', onclick: () => showDocument(f.document) }, 'Open document'), reviewButtons(f)),
          ),
        ),
      );
    } catch (e) {
      status.textContent = '';
      fill(out, h('p', { class: 'error' }, e.message));
    }
  });

  async function showDocument(id) {
    const d = await api('documents/' + encodeURIComponent(id));
    const segs = segments(d.text, d.facts);
    const text = h(
      'div',
      { class: 'doctext', dir: d.lang === 'en' ? 'ltr' : 'auto', lang: d.lang || null },
      segs.map((s) =>
        s.facts.length
          ? h('mark', { dataset: { facts: s.facts.join(' ') }, title: s.facts.join(', '), onclick: () => focusFact(s.facts[0]) }, s.text)
          : s.text,
      ),
    );
    fill(out, 
      h('h3', null, 'Document ', h('code', null, d.id), d.date ? h('span', { class: 'muted' }, ' · ' + d.date) : null, d.lang ? h('span', { class: 'muted' }, ' · ' + d.lang) : null),
      text,
      h('h4', null, `Facts (${d.facts.length})`),
      d.facts.length
        ? h(
            'ol',
            { class: 'facts' },
            d.facts.map((f) => h('li', { id: 'fact-' + cssId(f.id), dataset: { fact: f.id }, onmouseenter: () => light(f.id, true), onmouseleave: () => light(f.id, false) }, factLine(f), reviewButtons(f))),
          )
        : h('p', { class: 'muted' }, 'No facts found in this text.'),
    );
  }

  function light(id, on) {
    for (const m of out.querySelectorAll('mark')) if (m.dataset.facts.split(' ').includes(id)) m.classList.toggle('hot', on);
  }

  function focusFact(id) {
    const li = document.getElementById('fact-' + cssId(id));
    if (li) {
      li.scrollIntoView({ block: 'nearest' });
      li.classList.add('flash');
      setTimeout(() => li.classList.remove('flash'), 800);
    }
  }

  function reviewButtons(f) {
    const state = h('span', { class: 'review ' + ((f.review && f.review.state) || 'pending') }, (f.review && f.review.state) || 'pending');
    const act = (verb) => async (ev) => {
      const btns = ev.target.parentElement.querySelectorAll('button.rv');
      btns.forEach((b) => (b.disabled = true));
      try {
        const r = await post(`facts/${encodeURIComponent(f.id)}/${verb}`, null, token());
        const s = (r.review && r.review.state) || (verb === 'accept' ? 'accepted' : 'rejected');
        state.textContent = s;
        state.className = 'review ' + s;
      } catch (e) {
        state.textContent = e.status === 401 || e.status === 403 ? `${e.message} (check the token)` : e.message;
        state.className = 'review error';
      } finally {
        btns.forEach((b) => (b.disabled = false));
      }
    };
    return h(
      'span',
      { class: 'review-actions' },
      ' ',
      state,
      ' ',
      h('button', { type: 'button', class: 'rv accept', onclick: act('accept') }, 'Accept'),
      ' ',
      h('button', { type: 'button', class: 'rv reject', onclick: act('reject') }, 'Reject'),
    );
  }
}

function cssId(id) {
  return id.replace(/[^A-Za-z0-9_-]/g, '_');
}

function factLine(f) {
  const bits = [f.kind.replace(/_/g, ' ')];
  if (f.status) bits.push(f.status);
  if (f.value != null) bits.push(f.unit === 'USD' ? usd(f.value) : `${num(f.value, 2)} ${f.unit || ''}`.trim());
  if (f.period) bits.push(f.period);
  if (f.countries && f.countries.length) bits.push(f.countries.join('–'));
  return h('span', { class: 'fact' }, h('strong', null, bits.join(' · ')), h('q', { dir: 'auto' }, f.quote));
}
