// caravan's web map: everything the API knows, for people who would
// rather look than type. The page talks only to its own server (/api/v1).
import 'leaflet/dist/leaflet.css';
import 'uplot/dist/uPlot.min.css';
import './style.css';
import { api } from './util.js';
import { CorridorMap } from './map.js';
import { setupPlanner } from './planner.js';
import { setupTrade } from './trade.js';
import { setupDocs } from './docs.js';
import { setupFlows } from './flows.js';
import { installSourceLinks } from './sources.js';

function setupTabs(map) {
  const tabs = [...document.querySelectorAll('[role=tab]')];
  const show = (name) => {
    for (const t of tabs) t.setAttribute('aria-selected', String(t.dataset.tab === name));
    for (const s of document.querySelectorAll('section.tab')) s.hidden = s.dataset.tab !== name;
    document.body.dataset.tab = name;
    map.invalidate();
  };
  for (const t of tabs) t.addEventListener('click', () => show(t.dataset.tab));
  show('route');
}

async function main() {
  installSourceLinks();
  let planner;
  const map = new CorridorMap(document.getElementById('map'), { onPick: (end, p) => planner.pickPlace(end, p) });
  planner = setupPlanner({ map });
  setupTabs(map);
  setupTrade();
  setupDocs();
  setupFlows({ map });
  window.addEventListener('resize', () => map.invalidate());
  try {
    await map.load({});
    map.labelCountries(await api('countries'));
    document.body.dataset.ready = 'true';
  } catch (e) {
    document.getElementById('plan-status').textContent = 'Network: ' + e.message;
  }
}

main();
