// Unit tests of the conversion of the API's UTF-8 byte offsets to
// JavaScript string indices, and of the highlight segments built on it.
// No browser needed: node --test web/test/offsets.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteIndex } from '../src/util.js';
import { segments } from '../src/docs.js';

const enc = new TextEncoder();

/** bytesOf returns the UTF-8 [start, end) of sub inside text. */
function bytesOf(text, sub) {
  const i = text.indexOf(sub);
  assert.ok(i >= 0, `${sub} in ${text}`);
  const start = enc.encode(text.slice(0, i)).length;
  return [start, start + enc.encode(sub).length];
}

test('byteIndex maps the byte offsets of every kind of character', () => {
  for (const [name, text, sub] of [
    ['ascii', 'trade reached $545 m in 2023', '$545 m'],
    ['persian', 'حجم تجارت به ۵۴۵ میلیون دلار رسید', '۵۴۵ میلیون دلار'],
    ['zwnj', 'جلال\u200cآباد و می\u200cشود ۳ میلیارد', 'می\u200cشود ۳ میلیارد'],
    ['astral', '🚂 train 🚢 ship: ۴۸ container', '۴۸ container'],
    ['mixed', 'Kabul – کابل: $1 bn → ۳ میلیارد', '۳ میلیارد'],
  ]) {
    const at = byteIndex(text);
    const [s, e] = bytesOf(text, sub);
    assert.equal(text.slice(at(s), at(e)), sub, name);
  }
});

test('byteIndex clamps and moves offsets inside a character to its end', () => {
  const text = 'aب🚂c';
  const at = byteIndex(text);
  assert.equal(at(0), 0);
  assert.equal(at(1), 1); // after a
  assert.equal(at(2), 2); // inside ب (bytes 1..3): moved to its end
  assert.equal(at(3), 2);
  assert.equal(at(7), 4); // after the 4-byte 🚂, which is two UTF-16 units
  assert.equal(at(8), 5);
  assert.equal(at(99), text.length);
  assert.equal(at(-1), 0);
});

test('segments cut the text at overlapping facts', () => {
  const text = 'کابل: حجم تجارت ۵۴۵ میلیون دلار رسید.';
  const [a0, a1] = bytesOf(text, 'حجم تجارت ۵۴۵ میلیون دلار');
  const [b0, b1] = bytesOf(text, '۵۴۵ میلیون دلار رسید');
  const segs = segments(text, [
    { id: 'a', start: a0, end: a1 },
    { id: 'b', start: b0, end: b1 },
  ]);
  assert.equal(segs.map((s) => s.text).join(''), text);
  assert.deepEqual(
    segs.filter((s) => s.facts.length).map((s) => [s.text, s.facts]),
    [
      ['حجم تجارت ', ['a']],
      ['۵۴۵ میلیون دلار', ['a', 'b']],
      [' رسید', ['b']],
    ],
  );
});
