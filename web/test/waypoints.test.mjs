// Unit tests of the planner's waypoint helpers (src/waypoints.js): the
// via and leg_modes parameters, the edits of the list, where a route
// passes each waypoint and where an API error is shown.
// No browser needed: node --test web/test/waypoints.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { viaParam, legModesParam, parseLegModes, addWaypoint, removeWaypoint, moveWaypoint, fitLegs, sideless, eitherSide, passes, nameStops, errorPlace } from '../src/waypoints.js';

test('via sends ids when picked, else what was typed, and leg_modes only when a leg is restricted', () => {
  const wps = [{ text: 'Kashgar', id: 'cn-kashgar' }, { text: ' Osh ' }, { text: 'Torkham (either side)', value: 'Torkham', ids: ['af-torkham', 'pk-torkham'] }];
  assert.equal(viaParam(wps), 'cn-kashgar,Osh,Torkham');
  assert.equal(viaParam([]), '');
  assert.equal(legModesParam([['rail'], ['road'], ['rail']], 2), 'rail/road/rail');
  assert.equal(legModesParam([['road', 'rail'], [], []], 2), 'rail,road//', 'modes in a fixed order; empty legs allow any');
  assert.equal(legModesParam([[], [], []], 2), '', 'no leg restricted: no leg_modes');
  assert.equal(legModesParam([['rail']], 0), '', 'no waypoints: no leg_modes');
  assert.equal(legModesParam([['rail']], 1), 'rail/', 'a missing leg is any mode');
});

test('parseLegModes reads the address back into one list per leg', () => {
  assert.deepEqual(parseLegModes('rail/road,rail/', 2), [['rail'], ['road', 'rail'], []]);
  assert.deepEqual(parseLegModes('', 1), [[], []]);
  assert.deepEqual(parseLegModes('rail', 2), [['rail'], [], []]);
  assert.equal(legModesParam(parseLegModes('rail//sea', 2), 2), 'rail//sea');
});

test('adding, removing and moving waypoints keeps the legs in step', () => {
  let s = { wps: [], legs: [[]] };
  s = addWaypoint(s, { text: 'A' });
  assert.deepEqual(s.legs, [[], []]);
  s.legs = [['rail'], ['sea']];
  s = addWaypoint(s, { text: 'B' });
  assert.deepEqual(s.wps.map((w) => w.text), ['A', 'B']);
  assert.deepEqual(s.legs, [['rail'], [], ['sea']], 'the leg into the destination keeps its modes');
  s.legs[1] = ['road'];
  const moved = moveWaypoint(s, 1, -1);
  assert.deepEqual(moved.wps.map((w) => w.text), ['B', 'A']);
  assert.deepEqual(moved.legs, [['rail'], ['road'], ['sea']], 'legs stay in place');
  assert.equal(moveWaypoint(s, 0, -1), s, 'the first cannot move earlier');
  assert.equal(moveWaypoint(s, 1, 1), s, 'the last cannot move later');
  const removed = removeWaypoint(s, 0);
  assert.deepEqual(removed.wps.map((w) => w.text), ['B']);
  assert.deepEqual(removed.legs, [['rail'], ['sea']], 'the leg reaching A runs on to B');
  assert.deepEqual(removeWaypoint(removeWaypoint(s, 0), 0), { wps: [], legs: [[]] });
  assert.deepEqual(fitLegs([['rail']], 2), [['rail'], [], []]);
  assert.deepEqual(fitLegs([['rail'], ['road'], ['sea']], 0), [['rail']]);
});

test('a crossing whose two sides are found is offered as either side', () => {
  assert.equal(sideless('Torkham (Afghan side)'), 'Torkham');
  assert.equal(sideless('Bokhtar (Kurgan-Tyube)'), 'Bokhtar (Kurgan-Tyube)');
  const rows = [
    { id: 'af-torkham', kind: 'border_post', names: { en: 'Torkham (Afghan side)' } },
    { id: 'pk-torkham', kind: 'border_post', names: { en: 'Torkham (Pakistani side)' } },
    { id: 'kg-irkeshtam', kind: 'border_post', names: { en: 'Irkeshtam' } },
    { id: 'cn-irkeshtam', kind: 'border_post', names: { en: 'Irkeshtam (Chinese side)' } },
    { id: 'af-kabul', kind: 'city', names: { en: 'Kabul' } },
  ];
  assert.deepEqual(eitherSide(rows), [{ name: 'Torkham', ids: ['af-torkham', 'pk-torkham'] }]);
});

const P = (id, name, name_fa) => ({ id, name, name_fa });
const leg = (a, b) => ({ from: a, to: b });
const tashkent = P('uz-tashkent', 'Tashkent', 'تاشکند');
const kashgar = P('cn-kashgar', 'Kashgar', 'کاشغر');
const osh = P('kg-osh', 'Osh');
const afT = P('af-torkham', 'Torkham (Afghan side)');
const pkT = P('pk-torkham', 'Torkham (Pakistani side)');

test('passes finds the leg reaching each waypoint, in order', () => {
  const legs = [leg(tashkent, osh), leg(osh, kashgar), leg(kashgar, kashgar), leg(kashgar, osh), leg(osh, tashkent)];
  // Osh is passed before Kashgar, but the route must reach Kashgar first.
  assert.deepEqual(passes(legs, [{ text: 'Kashgar', id: 'cn-kashgar' }, { text: 'Osh', id: 'kg-osh' }]), [1, 3]);
  assert.deepEqual(passes(legs, [{ text: 'osh' }, { text: 'کاشغر' }]), [0, 1], 'typed names and Persian names match');
  assert.deepEqual(passes(legs, [{ text: 'Samarkand' }, { text: 'Kashgar' }]), [-1, 1]);
  const border = [leg(P('af-jalalabad', 'Jalalabad'), afT), leg(afT, pkT), leg(pkT, P('pk-peshawar', 'Peshawar'))];
  assert.deepEqual(passes(border, [{ text: 'Torkham' }]), [0], 'a border name: either side');
  assert.deepEqual(passes(border, [{ text: 'x', ids: ['af-torkham', 'pk-torkham'] }]), [0]);
  assert.deepEqual(passes(border, [{ text: 'Torkham (Pakistani side)', id: 'pk-torkham' }]), [1]);
});

test('nameStops names the waypoints given by id and leaves the others alone', () => {
  const typed = { text: 'Osh' };
  const named = nameStops([{ text: 'cn-kashgar', id: 'cn-kashgar' }, typed, { text: 'kg-osh', id: 'kg-osh' }], ['Kashgar', 'Osh', '']);
  assert.deepEqual(named, [{ text: 'Kashgar', id: 'cn-kashgar' }, typed, { text: 'kg-osh', id: 'kg-osh' }]);
  assert.equal(named[1], typed);
});

test('errorPlace puts a via error next to the waypoint it quotes or names', () => {
  const wps = [{ text: 'Kashgar', id: 'cn-kashgar' }, { text: 'Nowhereville' }, { text: 'Kashgar' }];
  assert.deepEqual(errorPlace({ param: 'via', message: 'no place matches "Nowhereville"' }, wps), { field: 'via', index: 1 });
  assert.deepEqual(errorPlace({ param: 'via', message: '"Kashgar" names cn-kashgar, as "cn-kashgar" does; give each waypoint once' }, wps), { field: 'via', index: 2 });
  assert.deepEqual(errorPlace({ param: 'via', message: 'cn-kashgar is given twice; a route passes each waypoint once, in order' }, wps), { field: 'via', index: 0 });
  assert.deepEqual(errorPlace({ param: 'via', message: 'at most 8 values' }, wps), { field: 'via' });
  assert.deepEqual(errorPlace({ param: 'leg_modes', message: 'leg 3: mode "x": want road, rail, ferry, sea or air' }, wps), { field: 'leg_modes', index: 2 });
  assert.deepEqual(errorPlace({ param: 'leg_modes', message: '1 legs given; 1 waypoints make 2 legs' }, wps), { field: 'leg_modes' });
  assert.deepEqual(errorPlace({ param: 'from', message: 'no place matches "Atlantis"' }, wps), { field: 'from' });
  assert.equal(errorPlace({ message: 'no route' }, wps), null);
});
