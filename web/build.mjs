// build.mjs bundles the web map into dist/ with esbuild: dist/index.html,
// dist/main.js, dist/main.css, dist/assets/* (Leaflet's control images).
//
// The basemap is built here, not fetched at run time: world-atlas's
// Natural Earth 1:50m countries, cut to the region caravan covers and
// rounded to 0.01°, become the virtual module "caravan:basemap".
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
const BBOX = [10, 0, 135, 65];

/** basemap returns the countries of world-atlas inside BBOX as GeoJSON. */
async function basemap() {
  const { feature } = require('topojson-client');
  const topo = JSON.parse(await readFile(require.resolve('world-atlas/countries-50m.json'), 'utf8'));
  const fc = feature(topo, topo.objects.countries);
  const r = (x) => Math.round(x * 100) / 100;
  const inBox = ([x, y]) => x >= BBOX[0] && x <= BBOX[2] && y >= BBOX[1] && y <= BBOX[3];
  const ringOK = (ring) => ring.some(inBox);
  const round = (ring) => {
    const out = [];
    for (const [x, y] of ring) {
      const p = [r(x), r(y)];
      const last = out[out.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
    return out;
  };
  const features = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    const kept = polys.filter((p) => ringOK(p[0])).map((p) => p.map(round).filter((ring) => ring.length >= 4));
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
