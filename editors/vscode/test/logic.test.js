// Unit tests of the extension's own logic (src/logic.js, media/zoom.js),
// with Node's test runner: no VS Code needed.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('path');
const { findServer, renderParams, nextPreview, placeOfNode, debounce, errorLines } = require('../src/logic');
const zoom = require('../media/zoom');

test('the server is found on PATH, first directory first', () => {
  const exec = new Set(['/opt/b/argmap', '/usr/bin/argmap']);
  const env = { pathEnv: ['/opt/a', '/opt/b', '/usr/bin'].join(path.delimiter), cwd: '/w', isExecutable: (p) => exec.has(p) };
  assert.deepEqual(findServer('argmap', env), { command: '/opt/b/argmap' });
  assert.deepEqual(findServer('', env), { command: '/opt/b/argmap' }, 'an empty setting means argmap');
});

test('a path setting is used as it is, relative to the workspace', () => {
  const env = { pathEnv: '', cwd: '/w', isExecutable: (p) => p === '/w/build/cli/argmap' };
  assert.deepEqual(findServer('build/cli/argmap', env), { command: '/w/build/cli/argmap' });
  assert.deepEqual(findServer('/w/build/cli/argmap', env), { command: '/w/build/cli/argmap' });
});

test('a missing server gives a message naming the setting', () => {
  const env = { pathEnv: '/usr/bin', cwd: '/w', isExecutable: () => false };
  const onPath = findServer('argmap', env);
  assert.match(onPath.error, /'argmap' was not found on PATH/);
  assert.match(onPath.error, /argmap\.path/);
  const atPath = findServer('/nowhere/argmap', env);
  assert.match(atPath.error, /not found at '\/nowhere\/argmap'/);
});

test('the render request carries the settings', () => {
  assert.deepEqual(renderParams('file:///m.arg', { theme: 'dark', evaluation: 'grounded' }),
    { uri: 'file:///m.arg', format: 'svg', theme: 'dark', options: { eval: 'grounded' } });
  assert.deepEqual(renderParams('file:///m.arg', {}).options, { eval: 'none' });
});

test('a broken buffer keeps the last good diagram, with its errors', () => {
  const good = nextPreview(null, { svg: '<svg>1</svg>', claims: [{ node: 'c0', uri: 'u', line: 3 }], version: 1 });
  assert.equal(good.svg, '<svg>1</svg>');
  assert.deepEqual(good.errors, []);
  const broken = nextPreview(good, { svg: null, errors: [{ message: 'bad', uri: 'file:///d/m.arg', line: 2 }], version: 2 });
  assert.equal(broken.svg, '<svg>1</svg>', 'the last good diagram stays');
  assert.deepEqual(broken.claims, good.claims, 'and so do its boxes');
  assert.equal(broken.errors.length, 1);
  const fixed = nextPreview(broken, { svg: '<svg>3</svg>', claims: [], version: 3 });
  assert.deepEqual(fixed.errors, [], 'fixed: the errors go');
  assert.equal(nextPreview(fixed, { svg: '<svg>old</svg>', version: 2 }), fixed, 'an older answer is dropped');
  assert.equal(nextPreview(null, { svg: null, errors: [{ message: 'x' }], version: 1 }).svg, null);
});

test('a click on a box leads to its claim\'s line', () => {
  const state = { claims: [{ node: 'c0', uri: 'file:///m.arg', line: 4 }, { node: 'c1', uri: 'file:///p.arg', line: 1 }] };
  assert.deepEqual(placeOfNode(state, 'c0'), { uri: 'file:///m.arg', line: 3 });
  assert.deepEqual(placeOfNode(state, 'c1'), { uri: 'file:///p.arg', line: 0 });
  assert.equal(placeOfNode(state, 'legend'), null);
  assert.equal(placeOfNode(null, 'c0'), null);
});

test('a burst of calls runs once, after the last', () => {
  let now = 0;
  const timers = [];
  const fake = {
    setTimeout: (f, ms) => timers.push({ f, at: now + ms, live: true }) - 1,
    clearTimeout: (i) => { timers[i].live = false; },
  };
  const calls = [];
  const d = debounce((x) => calls.push(x), 100, fake);
  d(1); now = 50; d(2); now = 90; d(3);
  now = 1000;
  const fire = (t) => { t.live = false; t.f(); };
  for (const t of timers) if (t.live && t.at <= now) fire(t);
  assert.deepEqual(calls, [3]);
  d(4); d.cancel();
  for (const t of timers) if (t.live) fire(t);
  assert.deepEqual(calls, [3], 'cancelled: nothing runs');
});

test('errors show as file:line: message', () => {
  assert.deepEqual(errorLines([{ message: 'undefined reference', uri: 'file:///d/my%20map.arg', line: 7 },
    { message: 'no layout', uri: 'file:///d/m.arg', line: 0 }]),
  ['my map.arg:7: undefined reference', 'm.arg: no layout']);
});

test('zooming keeps the point under the pointer in place', () => {
  const v = zoom.zoomAbout({ scale: 1, left: 100, top: 50 }, 2, 200, 100);
  assert.equal(v.scale, 2);
  // The diagram point under (200, 100) was (300, 150); at scale 2 it is at 600, 300.
  assert.equal(v.left, 600 - 200);
  assert.equal(v.top, 300 - 100);
  assert.equal(zoom.zoomAbout({ scale: 8, left: 0, top: 0 }, 2, 0, 0).scale, 8, 'capped');
  assert.equal(zoom.fitScale(2000, 500), 0.25);
  assert.equal(zoom.fitScale(100, 500), 1, 'a small diagram is not enlarged');
  assert.equal(zoom.fitScale(0, 500), 1);
});
