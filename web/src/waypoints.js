// Waypoints of the route planner, without the DOM: the via and leg_modes
// parameters and back, the edits of the list (add, remove, move) with the
// modes of the legs between the stops, where a planned route passes each
// waypoint, and which field an API error about them belongs to.
// Tested by test/waypoints.test.mjs (node --test, no browser).

/** MODES are the modes a leg may be restricted to, in the API's spelling. */
export const MODES = ['rail', 'road', 'ferry', 'sea', 'air'];

/** MAX_VIA is how many waypoints the API takes. */
export const MAX_VIA = 8;

/**
 * A waypoint as the panel keeps it: what was typed (text), and when a
 * place was picked from the suggestions its id, or the ids of both sides
 * of a border picked as "either side" (then value is the border's name).
 * @typedef {{text: string, id?: string, ids?: string[], value?: string, lon?: number, lat?: number}} Waypoint
 */

/** wpValue is what the API gets for a waypoint: its id, else its name. */
export function wpValue(w) {
  return (w.id || w.value || w.text || '').trim();
}

/** viaParam joins the waypoints for the via parameter ('' for none). */
export function viaParam(wps) {
  return wps.map(wpValue).join(',');
}

/**
 * legModesParam writes the modes of the legs for leg_modes: legs
 * separated by '/', a leg's modes by ','; '' when no leg is restricted
 * (or there are no waypoints, when leg_modes must not be sent).
 * @param {string[][]} legs one list of modes per leg (empty: any mode)
 * @param {number} nVia how many waypoints
 */
export function legModesParam(legs, nVia) {
  if (nVia === 0) return '';
  const out = [];
  for (let i = 0; i <= nVia; i++) out.push(MODES.filter((m) => (legs[i] || []).includes(m)).join(','));
  return out.some(Boolean) ? out.join('/') : '';
}

/**
 * parseLegModes reads leg_modes back (from the address) into nVia+1
 * lists of modes; unknown modes are kept, so the API names them.
 * @param {string} s
 * @param {number} nVia
 */
export function parseLegModes(s, nVia) {
  const parts = (s || '').split('/');
  const legs = [];
  for (let i = 0; i <= nVia; i++) legs.push((parts[i] || '').split(',').map((m) => m.trim()).filter(Boolean));
  return legs;
}

/**
 * addWaypoint appends an empty waypoint. The new waypoint sits between
 * the last one (or the origin) and the destination: the leg reaching the
 * destination keeps its modes and the new leg before it allows any.
 * @param {{wps: Waypoint[], legs: string[][]}} s
 * @returns {{wps: Waypoint[], legs: string[][]}}
 */
export function addWaypoint(s, w = { text: '' }) {
  const n = s.wps.length;
  const legs = fitLegs(s.legs, n);
  return { wps: [...s.wps, w], legs: [...legs.slice(0, n), [], legs[n]] };
}

/**
 * removeWaypoint drops waypoint i: the leg reaching it now runs on to
 * the next stop and keeps its modes; the leg that left it goes.
 */
export function removeWaypoint(s, i) {
  const legs = fitLegs(s.legs, s.wps.length);
  const wps = s.wps.filter((_, k) => k !== i);
  return { wps, legs: wps.length ? legs.filter((_, k) => k !== i + 1) : [[]] };
}

/**
 * moveWaypoint moves waypoint i by d (-1: earlier, +1: later); the legs
 * stay where they are (the first leg still leaves the origin).
 */
export function moveWaypoint(s, i, d) {
  const j = i + d;
  if (j < 0 || j >= s.wps.length) return s;
  const wps = s.wps.slice();
  [wps[i], wps[j]] = [wps[j], wps[i]];
  return { wps, legs: fitLegs(s.legs, s.wps.length) };
}

/** fitLegs pads or cuts legs to the nVia+1 legs of nVia waypoints. */
export function fitLegs(legs, nVia) {
  const out = [];
  for (let i = 0; i <= nVia; i++) out.push((legs && legs[i]) || []);
  return out;
}

/**
 * nameStops gives the waypoints sent by id (from the address, their text
 * still the id) the names of the places passed (names[k], '' when not
 * found); the others are returned as they are.
 * @param {Waypoint[]} wps
 * @param {string[]} names
 */
export function nameStops(wps, names) {
  return wps.map((w, k) => (names[k] && w.id && w.text === w.id ? { ...w, text: names[k] } : w));
}

/** sideless takes a border post's side off its name: "Torkham (Afghan side)" → "Torkham". */
export function sideless(name) {
  return String(name || '').replace(/\s*\([^)]*\bside\)\s*$/i, '').trim();
}

/**
 * eitherSide finds, among the places a search returned, the border posts
 * that are two sides of one crossing by name ("Torkham (Afghan side)",
 * "Torkham (Pakistani side)") and offers each crossing as one waypoint:
 * {name, ids}, to be sent by name (the API takes a border name as either
 * side of the crossing).
 * @param {{id: string, kind: string, names: {en: string}}[]} rows
 */
export function eitherSide(rows) {
  const by = new Map();
  for (const p of rows) {
    if (p.kind !== 'border_post' || !p.names || !/\bside\)\s*$/i.test(p.names.en)) continue;
    const n = sideless(p.names.en);
    if (!by.has(n)) by.set(n, []);
    by.get(n).push(p.id);
  }
  return [...by].filter(([, ids]) => ids.length >= 2).map(([name, ids]) => ({ name, ids }));
}

/**
 * isStop says whether a place of an itinerary is the waypoint w: one of
 * its ids when picked, else by what was typed: the id, the English or
 * Persian name, or the name without its border side.
 * @param {{id: string, name: string, name_fa?: string}} p
 * @param {Waypoint} w
 */
export function isStop(p, w) {
  if (w.ids && w.ids.length) return w.ids.includes(p.id);
  if (w.id) return p.id === w.id;
  const t = norm(w.value || w.text);
  if (!t) return false;
  return norm(p.id) === t || norm(p.name) === t || norm(p.name_fa) === t || norm(sideless(p.name)) === t;
}

function norm(s) {
  return String(s || '').trim().toLowerCase();
}

/**
 * passes returns, for each waypoint in order, the index of the leg of
 * the itinerary that reaches it (the first one after the previous
 * waypoint's), or -1 when it cannot be found (then the later ones are
 * looked for after the previous one found).
 * @param {{from: any, to: any}[]} legs
 * @param {Waypoint[]} wps
 */
export function passes(legs, wps) {
  const out = [];
  let from = 0;
  for (const w of wps) {
    let at = -1;
    for (let k = from; k < legs.length; k++) {
      if (isStop(legs[k].to, w)) {
        at = k;
        break;
      }
    }
    out.push(at);
    if (at >= 0) from = at + 1;
  }
  return out;
}

/**
 * errorPlace says where an API error belongs in the panel: {field} for a
 * parameter with a field of its own, with index for one waypoint (via)
 * or leg (leg_modes) when the message names it; null for other errors.
 * A via message quotes the waypoint as it was sent ("no place matches
 * \"Nowhereville\""), or names its place id; a leg_modes message starts
 * "leg 3:".
 * @param {{param?: string, message: string}} err
 * @param {Waypoint[]} wps
 * @returns {{field: string, index?: number} | null}
 */
export function errorPlace(err, wps) {
  const param = err && err.param;
  if (!param) return null;
  const msg = err.message || '';
  if (param === 'via') {
    const q = msg.match(/"((?:[^"\\]|\\.)*)"/);
    const values = wps.map((w) => norm(wpValue(w)));
    let hits = [];
    if (q) {
      const v = norm(q[1].replace(/\\(.)/g, '$1'));
      hits = values.map((x, i) => (x === v ? i : -1)).filter((i) => i >= 0);
    }
    if (!hits.length) {
      hits = wps
        .map((w, i) => ((w.ids || (w.id ? [w.id] : [])).some((id) => new RegExp(`(^|[^\\w-])${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\w-]|$)`).test(msg)) ? i : -1))
        .filter((i) => i >= 0);
    }
    if (!hits.length) return { field: 'via' };
    // "given twice": the later of the two is the one to change.
    return { field: 'via', index: /twice|each waypoint once/.test(msg) ? hits[hits.length - 1] : hits[0] };
  }
  if (param === 'leg_modes') {
    const m = msg.match(/^leg (\d+)\b/);
    const i = m ? Number(m[1]) - 1 : -1;
    return i >= 0 && i <= wps.length ? { field: 'leg_modes', index: i } : { field: 'leg_modes' };
  }
  return { field: param };
}
