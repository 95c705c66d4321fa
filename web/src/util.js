// Small helpers shared by the panels: DOM building, number formats, the
// API client and the conversion of UTF-8 byte offsets to string indices.

/**
 * h builds an element: h('a', {href: '#', onclick}, 'text', child…).
 * Attributes starting with "on" become listeners; false/null are skipped.
 * @param {string} tag
 * @param {Record<string, any>=} attrs
 * @param {...any} children strings, numbers, nodes or arrays of them
 * @returns {HTMLElement}
 */
export function h(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

/** fill replaces the children of e (null, false and nested arrays allowed). */
export function fill(e, ...children) {
  e.replaceChildren();
  append(e, children);
  return e;
}

/** add appends children to e (null, false and nested arrays allowed). */
export function add(e, ...children) {
  append(e, children);
  return e;
}

function append(e, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(e, c);
    else e.append(c instanceof Node ? c : String(c));
  }
}

/** num formats a number with at most d decimals and thousands separators. */
export function num(x, d = 1) {
  if (x == null || Number.isNaN(x)) return '–';
  return Number(x).toLocaleString('en-US', { maximumFractionDigits: d });
}

/** usd formats an amount of US dollars: "$4,285", "$3.0 bn". */
export function usd(x) {
  if (x == null) return '–';
  const a = Math.abs(x);
  if (a >= 1e9) return '$' + num(x / 1e9, 2) + ' bn';
  if (a >= 1e6) return '$' + num(x / 1e6, 1) + ' m';
  return '$' + num(x, 0);
}

/** hours formats hours, adding days past two days: "159.3 h (6.6 d)". */
export function hours(x) {
  if (x == null) return '–';
  return x >= 48 ? `${num(x, 1)} h (${num(x / 24, 1)} d)` : `${num(x, 1)} h`;
}

/** bidi wraps a name in <bdi> so Persian renders right-to-left inside English text. */
export function bidi(text, cls) {
  return h('bdi', { dir: 'auto', class: cls }, text);
}

/** APIError is a refused or failed API request, with the server's message. */
export class APIError extends Error {
  constructor(status, message, param) {
    super(message);
    this.status = status;
    this.param = param;
  }
}

/**
 * api calls GET /api/v1/<path> with query parameters (empty ones left out)
 * and returns the decoded JSON; a refusal throws APIError with the
 * server's message.
 * @param {string} path e.g. "route"
 * @param {Record<string, any>=} params
 * @param {RequestInit=} init
 */
export async function api(path, params, init) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v != null && v !== '' && v !== false) q.set(k, String(v));
  }
  const qs = q.toString();
  const res = await fetch('/api/v1/' + path + (qs ? '?' + qs : ''), init);
  let body = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  if (!res.ok) {
    const e = body && body.error;
    throw new APIError(res.status, (e && e.message) || `${res.status} ${res.statusText}`, e && e.param);
  }
  return body;
}

/** post sends a JSON body with the bearer token and returns the JSON answer. */
export function post(path, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = 'Bearer ' + token;
  return api(path, null, { method: 'POST', headers, body: body == null ? undefined : JSON.stringify(body) });
}

/**
 * byteIndex returns a function mapping a UTF-8 byte offset into text to
 * the index of the same place in the JavaScript (UTF-16) string. An
 * offset inside a character moves to that character's end; offsets past
 * the end clamp to text.length.
 * @param {string} text
 * @returns {(byteOffset: number) => number}
 */
export function byteIndex(text) {
  const starts = []; // starts[i] = byte offset where the i-th code point begins
  const idx = []; // idx[i] = its UTF-16 index
  let b = 0;
  let i = 0;
  for (const ch of text) {
    starts.push(b);
    idx.push(i);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  starts.push(b);
  idx.push(i);
  return (off) => {
    if (off <= 0) return 0;
    if (off >= b) return text.length;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < off) lo = mid + 1;
      else hi = mid;
    }
    return idx[lo];
  };
}

/** debounce delays f until ms have passed without another call. */
export function debounce(f, ms) {
  let t;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => f(...args), ms);
  };
}
