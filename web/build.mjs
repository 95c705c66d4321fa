// build.mjs bundles the web map into dist/ with esbuild: dist/index.html,
// dist/main.js, dist/main.css, dist/assets/* (Leaflet's control images).
//
// The basemap is built here, not fetched at run time: world-atlas's
// Natural Earth 1:50m countries, cut to the region caravan covers,
// rounded to 0.01° and thinned to 0.04°, become the virtual module "caravan:basemap".
//
// The build fails when a built file names an http(s) URL the page could
// fetch (see allowedURL): the map must work with no internet.
//
// Usage: node build.mjs
import * as esbuild from 'esbuild';
import { readFile, writeFile, rm, mkdir, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dist = path.join(here, 'dist');

// The basemap's extent, lon/lat degrees: Türkiye to eastern China, the
// Arabian Sea to southern Siberia, with a margin for panning.
const BBOX = [18, 5, 128, 60];

/**
 * clip cuts a closed ring to BBOX (Sutherland–Hodgman against each side);
 * the map's maxBounds keep the cut edges out of sight.
 * @param {number[][]} ring
 */
export function clip(ring) {
  const [x0, y0, x1, y1] = BBOX;
  const sides = [
    [(p) => p[0] >= x0, (a, b) => [x0, a[1] + ((b[1] - a[1]) * (x0 - a[0])) / (b[0] - a[0])]],
    [(p) => p[0] <= x1, (a, b) => [x1, a[1] + ((b[1] - a[1]) * (x1 - a[0])) / (b[0] - a[0])]],
    [(p) => p[1] >= y0, (a, b) => [a[0] + ((b[0] - a[0]) * (y0 - a[1])) / (b[1] - a[1]), y0]],
    [(p) => p[1] <= y1, (a, b) => [a[0] + ((b[0] - a[0]) * (y1 - a[1])) / (b[1] - a[1]), y1]],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, cut] of sides) {
    const out = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i];
      const prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    pts = out;
    if (!pts.length) return [];
  }
  return [...pts, pts[0]];
}

/** basemap returns the countries of world-atlas inside BBOX as GeoJSON. */
async function basemap() {
  const { feature } = require('topojson-client');
  const topo = JSON.parse(await readFile(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const fc = feature(topo, topo.objects.countries);
  const r = (x) => Math.round(x * 100) / 100;
  const inBox = ([x, y]) => x >= BBOX[0] && x <= BBOX[2] && y >= BBOX[1] && y <= BBOX[3];
  const ringOK = (ring) => ring.some(inBox);
  // Rounded to 0.01° and thinned: a point closer than TOL to the last
  // kept one is dropped (radial distance; the ring stays closed).
  const TOL = 0.04;
  const round = (ring) => {
    const out = [];
    ring.forEach(([x, y], i) => {
      const p = [r(x), r(y)];
      const last = out[out.length - 1];
      const end = i === ring.length - 1;
      if (!last || (end && (last[0] !== p[0] || last[1] !== p[1])) || Math.hypot(p[0] - last[0], p[1] - last[1]) >= TOL) out.push(p);
    });
    return out;
  };
  const features = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const kept = polys
      .filter((p) => ringOK(p[0]))
      .map((p) => p.map((ring) => round(clip(ring))).filter((ring) => ring.length >= 4))
      .filter((p) => p.length > 0);
    if (kept.length === 0) continue;
    features.push({
      type: 'Feature',
      id: f.id,
      properties: { name: f.properties.name },
      geometry: { type: 'MultiPolygon', coordinates: kept },
    });
  }
  return { type: 'FeatureCollection', features };
}

const basemapPlugin = {
  name: 'caravan-basemap',
  setup(build) {
    build.onResolve({ filter: /^caravan:basemap$/ }, (args) => ({ path: args.path, namespace: 'basemap' }));
    build.onLoad({ filter: /.*/, namespace: 'basemap' }, async () => ({
      contents: JSON.stringify(await basemap()),
      loader: 'json',
    }));
  },
};

// allowedURL reports whether an http(s) URL found in a built file is one
// the page never fetches: XML namespace names (identifiers, not
// addresses) and Leaflet's own attribution link, which the map never
// shows (attributionControl is off).
export function allowedURL(u) {
  return /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink|1999\/xhtml|XML\/1998\/namespace)$/.test(u) || u === 'https://leafletjs.com';
}

export async function externalURLs(dir) {
  const bad = [];
  for (const name of await readdir(dir, { recursive: true })) {
    if (!/\.(html|js|css|json|svg|txt)$/.test(name)) continue;
    const text = await readFile(path.join(dir, name), 'utf8');
    for (const m of text.matchAll(/https?:\/\/[^\s"'`)<>\\]+/g)) {
      if (!allowedURL(m[0])) bad.push(`${name}: ${m[0]}`);
    }
  }
  return bad;
}

async function main() {
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await esbuild.build({
    entryPoints: { main: path.join(here, 'src/main.js') },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    outdir: dist,
    assetNames: 'assets/[name]-[hash]',
    loader: { '.png': 'file', '.svg': 'file' },
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [basemapPlugin],
  });
  const html = await readFile(path.join(here, 'src/index.html'), 'utf8');
  await writeFile(path.join(dist, 'index.html'), html);
  // Third-party notices, without their addresses (see externalURLs).
  const notices = ['leaflet', 'topojson-client', 'uplot', 'world-atlas'].map((p) => {
    const pkg = require(`${p}/package.json`);
    return `${p} ${pkg.version} (${pkg.license})`;
  });
  await writeFile(
    path.join(dist, 'NOTICE.txt'),
    'caravan web map. Bundled: ' + notices.join('; ') + '.\nBasemap: Natural Earth (public domain) through world-atlas.\n',
  );
  const bad = await externalURLs(dist);
  if (bad.length) {
    console.error('build: dist names addresses outside the page\'s origin:\n  ' + bad.join('\n  '));
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await main();
}
