// The map: an offline Natural Earth basemap (built into the bundle), the
// network from /api/v1/network.geojson drawn by mode and gauge, crossings
// sized by dwell, and the planned routes.
import * as L from 'leaflet';
import basemap from 'caravan:basemap';
import { h, fill, add, num, usd, bidi, api } from './util.js';
import { sourceLinks } from './sources.js';

/** Colours of the network layers (also used by the legend and the leg table). */
export const COLORS = {
  rail1520: '#b2182b',
  rail1435: '#2166ac',
  rail1676: '#d9822b',
  rail: '#6a3d9a',
  road: '#7f6a4f',
  ferry: '#01857a',
  sea: '#3a7fc0',
  air: '#888',
  closed: '#9a9a9a',
};

const LAYERS = [
  ['rail1520', 'Rail 1520 mm (CIS, Afghanistan north)'],
  ['rail1435', 'Rail 1435 mm (China, Iran, Türkiye)'],
  ['rail1676', 'Rail 1676 mm (Pakistan)'],
  ['road', 'Road'],
  ['ferry', 'Ferry (Caspian)'],
  ['sea', 'Sea'],
  ['crossings', 'Border crossings (size: dwell)'],
  ['places', 'Places'],
];

/** layerKey says which toggleable layer a link belongs to. */
function layerKey(p) {
  if (p.mode === 'rail') return p.gauge ? 'rail' + p.gauge : 'rail1520';
  return p.mode in COLORS ? p.mode : 'road';
}

/** linkColor is the stroke colour of a link or leg by mode and gauge. */
export function linkColor(mode, gauge) {
  if (mode === 'rail') return COLORS['rail' + gauge] || COLORS.rail;
  return COLORS[mode] || '#555';
}

/** isPlanned: not yet built (planned, proposed, under construction). */
function isPlanned(p) {
  return p.status && p.status !== 'operational' && p.status !== 'suspended';
}

function linkStyle(p, openProjects) {
  // network.geojson has no `open` parameter: a project opened in the
  // planner draws its links as open here.
  const opened = p.project && openProjects && openProjects.has(p.project);
  const closed = p.open === false && !isPlanned(p) && !opened;
  const planned = isPlanned(p) && p.open === false && !opened;
  const base = {
    color: closed ? COLORS.closed : linkColor(p.mode, p.gauge),
    weight: p.mode === 'rail' ? 2.4 : p.mode === 'road' ? 1.4 : 1.6,
    opacity: closed || planned ? 0.75 : 0.9,
    lineCap: 'round',
  };
  if (p.mode === 'sea' || p.mode === 'ferry') base.dashArray = '2 5';
  if (planned) base.dashArray = '7 6';
  if (closed) base.dashArray = '3 5';
  return base;
}

function statusLine(p, short) {
  if (p.open !== false) return h('p', { class: 'ok' }, `${p.status || 'operational'}, open`);
  if (short) return h('p', { class: 'warn' }, `${p.status}, closed on the map's date (see the closures)`);
  return h('p', { class: 'warn' }, p.why_closed || `${p.status}, closed`);
}

function linkPopup(p) {
  return h(
    'div',
    { class: 'popup' },
    h('h4', null, p.id),
    h('p', null, `${p.mode}${p.gauge ? ' ' + p.gauge + ' mm' : ''} · ${num(p.km)} km`, p.project ? ` · project ${p.project}` : null),
    statusLine(p),
    p.corridors && h('p', { class: 'muted' }, 'Corridors: ' + p.corridors.join(', ')),
    h('p', null, 'Sources: ', sourceLinks(p.sources)),
  );
}

function crossingPopup(p) {
  return h(
    'div',
    { class: 'popup crossing' },
    h('h4', { dir: 'auto' }, p.crossing || p.id),
    h('p', { class: 'muted' }, `${p.from} → ${p.to} · ${p.mode}${p.gauge ? ' ' + p.gauge + ' mm' : ''}`),
    h(
      'dl',
      null,
      h('dt', null, 'Dwell'),
      h('dd', null, p.dwell_hours != null ? num(p.dwell_hours) + ' h' : 'no figure'),
      h('dt', null, 'Fee'),
      h('dd', null, p.fee_usd != null ? usd(p.fee_usd) : 'no figure'),
      h('dt', null, 'Data year'),
      h('dd', null, p.data_year || '–'),
    ),
    statusLine(p, p.closures && p.closures.length > 0),
    p.closures &&
      p.closures.length &&
      h(
        'div',
        { class: 'closures' },
        h('strong', null, 'Closures'),
        h(
          'ul',
          null,
          p.closures.map((c) =>
            h('li', null, `${c.from || '…'} – ${c.until || 'no reopening date'}: `, h('span', { dir: 'auto' }, c.reason || ''), ' ', sourceLinks(c.sources)),
          ),
        ),
      ),
    h('p', null, 'Sources: ', sourceLinks(p.sources)),
  );
}

function placePopup(p, onPick, lon, lat) {
  const n = p.names || {};
  return h(
    'div',
    { class: 'popup' },
    h('h4', null, n.en || p.name, n.fa ? [' · ', bidi(n.fa, 'fa')] : null),
    h('p', { class: 'muted' }, `${p.kind.replace('_', ' ')} · ${p.country} · ${p.id}`),
    h(
      'p',
      null,
      h('button', { type: 'button', onclick: () => onPick('from', p) }, 'Route from here'),
      ' ',
      h('button', { type: 'button', onclick: () => onPick('to', p) }, 'Route to here'),
      ' ',
      h('button', { type: 'button', class: 'via-here', onclick: () => onPick('via', { ...p, lon, lat }) }, 'Via here'),
    ),
    h('p', null, 'Sources: ', sourceLinks(p.sources)),
  );
}

function midpoint(coords) {
  const a = coords[0];
  const b = coords[coords.length - 1];
  return [(a[1] + b[1]) / 2, (a[0] + b[0]) / 2];
}

/** The map and its layers. */
export class CorridorMap {
  /**
   * @param {HTMLElement} el
   * @param {{onPick: (end: 'from'|'to', place: any) => void}} opts
   */
  constructor(el, opts) {
    this.opts = opts;
    this.map = L.map(el, { zoomSnap: 0.25, attributionControl: false, worldCopyJump: false, minZoom: window.innerWidth < 700 ? 3 : 4, maxZoom: 11, maxBounds: [[5, 18], [60, 128]], maxBoundsViscosity: 0.8 });
    L.control.attribution({ prefix: false }).addTo(this.map).addAttribution('Basemap: Natural Earth · caravan dataset');
    L.control.scale({ imperial: false }).addTo(this.map);
    // Roads under rail, sea and ferry; routes and crossings on top.
    this.map.createPane('roads').style.zIndex = '390';
    this.map.createPane('routes').style.zIndex = '450';
    this.map.createPane('crossings').style.zIndex = '460';
    this.map.createPane('basemap').style.zIndex = '200';
    L.geoJSON(basemap, {
      pane: 'basemap',
      style: { color: '#b9b2a6', weight: 0.8, fillColor: '#f4f1ea', fillOpacity: 1 },
      interactive: false,
    }).addTo(this.map);
    this.groups = {};
    for (const [k] of LAYERS) this.groups[k] = L.layerGroup().addTo(this.map);
    this.labels = L.layerGroup().addTo(this.map);
    const overlays = {};
    for (const [k, label] of LAYERS) overlays[swatch(k) + label] = this.groups[k];
    this.control = L.control.layers(null, overlays, { collapsed: true, position: 'topright' }).addTo(this.map);
    this.legend().addTo(this.map);
    this.routeLayer = L.layerGroup().addTo(this.map);
    this.waypointLayer = L.layerGroup().addTo(this.map);
    this.flowLayer = L.layerGroup().addTo(this.map);
    this.map.fitBounds([
      [24, 44],
      [50, 82],
    ]);
  }

  legend() {
    const c = L.control({ position: 'bottomright' });
    c.onAdd = () =>
      h(
        'div',
        { class: 'legend' },
        h('div', null, line(COLORS.rail1520), '1520'),
        h('div', null, line(COLORS.rail1435), '1435'),
        h('div', null, line(COLORS.rail1676), '1676 mm rail'),
        h('div', null, line(COLORS.road), 'road'),
        h('div', null, line(COLORS.ferry, true), 'ferry/sea'),
        h('div', null, line('#555', false, '7 6'), 'planned'),
        h('div', null, line(COLORS.closed, false, '3 5'), 'closed'),
      );
    return c;
  }

  /**
   * load draws the network as on asOf under a scenario (both optional).
   * @param {{as_of?: string, scenario?: string}} q
   */
  async load(q) {
    const fc = await api('network.geojson', q);
    for (const g of Object.values(this.groups)) g.clearLayers();
    const byCountry = new Map();
    const places = [];
    for (const f of fc.features) {
      const p = f.properties;
      if (p.type === 'place') {
        places.push(f);
        const [lon, lat] = f.geometry.coordinates;
        const c = byCountry.get(p.country) || { lon: 0, lat: 0, n: 0 };
        c.lon += lon;
        c.lat += lat;
        c.n++;
        byCountry.set(p.country, c);
        continue;
      }
      const latlngs = f.geometry.coordinates.map(([x, y]) => [y, x]);
      const style = linkStyle(p, this.openProjects);
      if (p.mode === 'road') style.pane = 'roads';
      const line = L.polyline(latlngs, style).bindPopup(() => (p.type === 'crossing' ? crossingPopup(p) : linkPopup(p)), { maxWidth: 340 });
      line.feature = f;
      this.groups[layerKey(p)].addLayer(line);
      tag(line, 'data-link', p.id);
      if (p.type === 'crossing') {
        const closed = p.open === false && !(p.project && this.openProjects && this.openProjects.has(p.project));
        const r = 2.5 + 1.1 * Math.sqrt(p.dwell_hours || 1);
        const m = L.circleMarker(midpoint(f.geometry.coordinates), {
          pane: 'crossings',
          radius: r,
          color: closed ? '#555' : '#7a1f1f',
          weight: 1.2,
          dashArray: closed ? '2 2' : null,
          fillColor: closed ? '#c8c8c8' : '#f0b429',
          fillOpacity: 0.75,
        }).bindPopup(() => crossingPopup(p), { maxWidth: 360 });
        m.bindTooltip(`${p.crossing}${p.dwell_hours != null ? ' · ' + num(p.dwell_hours) + ' h' : ''}${closed ? ' · closed' : ''}`, { direction: 'top' });
        m.feature = f;
        this.groups.crossings.addLayer(m);
        tag(m, 'data-crossing', p.id);
      }
    }
    for (const f of places) {
      const p = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const big = p.kind === 'city' || p.kind === 'sea_port' || p.kind === 'dry_port';
      const m = L.circleMarker([lat, lon], {
        radius: big ? 2.6 : 1.8,
        color: '#333',
        weight: 0.8,
        fillColor: '#fff',
        fillOpacity: 1,
      }).bindPopup(() => placePopup(p, this.opts.onPick, lon, lat), { maxWidth: 320 });
      m.bindTooltip(p.names && p.names.fa ? `${p.name} · ${p.names.fa}` : p.name, { direction: 'top' });
      this.groups.places.addLayer(m);
    }
    if (!this.countryCentres) this.countryCentres = byCountry;
    this.features = fc.features;
    return fc;
  }

  /**
   * labelCountries writes country names at the centre of their places.
   * @param {{code: string, names: {en: string, fa?: string}}[]} countries
   */
  labelCountries(countries) {
    this.labels.clearLayers();
    for (const c of countries) {
      const s = this.countryCentres && this.countryCentres.get(c.code);
      if (!s || c.code === 'RU' || c.code === 'CN') continue;
      L.marker([s.lat / s.n, s.lon / s.n], {
        interactive: false,
        icon: L.divIcon({ className: 'country-label', html: '', iconSize: null }),
      })
        .bindTooltip(c.names.en, { permanent: true, direction: 'center', className: 'country-name' })
        .addTo(this.labels);
    }
  }

  /**
   * showRoutes draws routes (each with a geometry FeatureCollection), the
   * selected one on top and coloured by leg, the others thin and grey.
   * @param {any[]} routes
   * @param {number} selected
   * @param {(i: number) => void} onSelect
   * @param {boolean} fit zoom to the selected route
   * @param {Set<number>=} others the other routes to draw (default all)
   */
  showRoutes(routes, selected, onSelect, fit, others) {
    this.routeLayer.clearLayers();
    routes.forEach((r, i) => {
      if (i === selected || !r.geometry || (others && !others.has(i))) return;
      L.geoJSON(r.geometry, {
        pane: 'routes',
        style: { color: '#6b6b6b', weight: 4, opacity: 0.45 },
        filter: (f) => f.geometry.type !== 'Point',
        onEachFeature: (_, layer) => layer.on('click', () => onSelect(i)),
      })
        .bindTooltip(`Route ${i + 1}`, { sticky: true })
        .addTo(this.routeLayer);
    });
    const r = routes[selected];
    if (!r || !r.geometry) return;
    const halo = L.geoJSON(r.geometry, { pane: 'routes', style: { color: '#fff', weight: 9, opacity: 0.9 }, interactive: false, filter: (f) => f.geometry.type !== 'Point' });
    halo.addTo(this.routeLayer);
    const g = L.geoJSON(r.geometry, {
      pane: 'routes',
      style: (f) => {
        const leg = r.legs[f.properties.leg] || {};
        return { color: linkColor(leg.mode || f.properties.mode, leg.gauge), weight: 5.5, opacity: 1 };
      },
      pointToLayer: (f, ll) => L.circleMarker(ll, { pane: 'routes', radius: 5, color: '#222', weight: 2, fillColor: '#fff', fillOpacity: 1 }),
      onEachFeature: (f, layer) => {
        const leg = r.legs[f.properties.leg];
        if (leg) layer.bindTooltip(`${f.properties.leg + 1}. ${leg.from.name} → ${leg.to.name} (${leg.crossing || leg.transfer || leg.mode})`, { sticky: true });
      },
    });
    g.addTo(this.routeLayer);
    const ends = [r.legs[0].from, r.legs[r.legs.length - 1].to];
    const coords = r.geometry.features.flatMap((f) => (f.geometry.type === 'LineString' ? f.geometry.coordinates : [f.geometry.coordinates]));
    if (coords.length) {
      const first = coords[0];
      const last = coords[coords.length - 1];
      [
        [first, ends[0]],
        [last, ends[1]],
      ].forEach(([c, pl]) =>
        L.circleMarker([c[1], c[0]], { pane: 'routes', radius: 7, color: '#111', weight: 2.5, fillColor: '#ffd400', fillOpacity: 1 })
          .bindTooltip(pl.name, { permanent: true, direction: 'right', className: 'end-label', offset: [8, 0] })
          .addTo(this.routeLayer),
      );
    }
    if (fit) {
      const b = g.getBounds();
      if (b.isValid()) this.map.fitBounds(b, { padding: [30, 30], maxZoom: 7 });
    }
  }

  /**
   * showWaypoints marks the waypoints with their numbers: where the
   * selected route passes them, or (draft) the places picked before a
   * route is planned through them. A label goes on the side of the map's
   * centre, so one near the panel is not cut off.
   * @param {{n: number, lat: number, lon: number, name: string, draft?: boolean}[]} wps
   */
  showWaypoints(wps) {
    this.waypointLayer.clearLayers();
    for (const w of wps) {
      const m = L.marker([w.lat, w.lon], {
        icon: L.divIcon({ className: 'wp-marker' + (w.draft ? ' draft' : ''), html: String(w.n), iconSize: [22, 22], iconAnchor: [11, 11], tooltipAnchor: [10, 0] }),
        keyboard: false,
        zIndexOffset: 1000,
        title: `Waypoint ${w.n}: ${w.name}`,
      })
        .bindTooltip(`${w.n}. ${w.name}`, { direction: 'auto', permanent: !w.draft, className: 'wp-label' })
        .addTo(this.waypointLayer);
      tag(m, 'data-waypoint', String(w.n));
    }
  }

  /**
   * showFlows draws an assignment's flows (GeoJSON lines of freight per
   * direction): one line per element, its width by the tonnes of both
   * directions, red where volume exceeds capacity, orange above 80 %.
   * @param {{features: any[]}} fc
   */
  showFlows(fc) {
    this.clearFlows();
    const byID = new Map();
    for (const f of fc.features || []) {
      const p = f.properties;
      if (p.kind === 'transfer') continue;
      const e = byID.get(p.id) || { f, tonnes: 0, vc: 0, name: p.name || p.id, cap: p.capacity_tpy, est: p.capacity_estimated };
      e.tonnes += p.tonnes_per_year;
      e.vc = Math.max(e.vc, p.volume_capacity);
      byID.set(p.id, e);
    }
    const max = Math.max(1, ...[...byID.values()].map((e) => e.tonnes));
    for (const [id, e] of byID) {
      const color = e.vc > 1 ? '#c0392b' : e.vc > 0.8 ? '#e67e22' : '#7b3294'; // purple: no gauge colour
      const ll = e.f.geometry.coordinates.map((c) => [c[1], c[0]]);
      const line = L.polyline(ll, { pane: 'routes', color, weight: 1.5 + 14 * Math.sqrt(e.tonnes / max), opacity: 0.75, className: 'flow' + (e.vc > 1 ? ' bottleneck' : '') })
        .bindTooltip(`${e.name}: ${(e.tonnes / 1e6).toFixed(2)} Mt/yr both ways, v/c ${e.vc.toFixed(2)} of ${(e.cap / 1e6).toFixed(2)} Mt/yr${e.est ? ' (estimated)' : ''}`, { sticky: true })
        .addTo(this.flowLayer);
      tag(line, 'data-flow', id);
    }
  }

  /** clearFlows removes the flows layer. */
  clearFlows() {
    this.flowLayer.clearLayers();
  }

  /** invalidate tells Leaflet the container changed size. */
  invalidate() {
    this.map.invalidateSize();
  }
}

/** tag names a drawn feature in the page (for tests and assistive tools). */
function tag(layer, attr, value) {
  const el = layer.getElement && layer.getElement();
  if (el) el.setAttribute(attr, value);
}

function swatch(k) {
  const c = k === 'crossings' ? '#f0b429' : k === 'places' ? '#fff' : COLORS[k];
  return `<span class="swatch" style="background:${c}"></span>`;
}

function line(color, dotted, dash) {
  const s = h('span', { class: 'line' });
  s.style.borderTopColor = color;
  s.style.borderTopStyle = dotted ? 'dotted' : dash ? 'dashed' : 'solid';
  return s;
}
