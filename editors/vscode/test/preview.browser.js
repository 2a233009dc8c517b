// The preview's page in a real browser (Debian's Chromium, driven by
// puppeteer-core): diagrams drawn by the real argmap replace each other
// keeping the zoom and the scroll position, errors show above the last good
// diagram, a click on a box asks for its claim, Ctrl+wheel zooms.
//
//   node test/preview.browser.js ARGMAP [CHROMIUM]
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');
const { previewPage } = require('../src/logic');

const argmap = path.resolve(process.argv[2]);
const chromium = process.argv[3] || '/usr/bin/chromium';
const repo = path.resolve(__dirname, '..', '..', '..');
const media = path.resolve(__dirname, '..', 'media');

function render(file) {
  return execFileSync(argmap, ['render', path.join(repo, 'examples', file), '-o', '-'], { encoding: 'utf8' });
}

async function main() {
  const first = render('beijing-hostage-diplomacy.arg');
  const second = render('sections-and-tags.arg');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argmap-preview-'));
  const page_ = path.join(dir, 'preview.html');
  const url = (f) => 'file://' + path.join(media, f);
  fs.writeFileSync(page_, previewPage({
    csp: 'file:', nonce: 'test-nonce', zoom: url('zoom.js'), script: url('preview.js'), style: url('preview.css'),
  }));
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ['--no-sandbox', '--allow-file-access-from-files'],
  });
  let failed = false;
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 600 });
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // VS Code's webview API, recorded.
    await page.evaluateOnNewDocument(() => {
      window.posted = [];
      let state;
      window.acquireVsCodeApi = () => ({
        postMessage: (m) => window.posted.push(m),
        getState: () => state,
        setState: (s) => { state = s; window.savedState = s; },
      });
    });
    await page.goto('file://' + page_);
    const show = (svg, errors) => page.evaluate((svg, errors) => {
      window.postMessage({ type: 'show', svg, errors }, '*');
      return new Promise((r) => setTimeout(r, 50));
    }, svg, errors);
    const view = () => page.evaluate(() => {
      const svg = document.querySelector('#diagram svg');
      const v = document.getElementById('viewport');
      return {
        title: svg && svg.querySelector('title') && svg.querySelector('title').textContent,
        width: svg && svg.getAttribute('width'),
        left: v.scrollLeft,
        top: v.scrollTop,
        level: document.getElementById('zoom-level').textContent,
        errors: document.getElementById('errors').hidden ? [] : [...document.querySelectorAll('#errors li')].map((li) => li.textContent),
        stale: document.body.classList.contains('stale'),
        nodes: document.querySelectorAll('#diagram g.node').length,
      };
    });

    await show(first, []);
    let v = await view();
    assert.ok(v.nodes > 50, `the Beijing diagram is shown (${v.nodes} boxes)`);
    const fitted = await page.evaluate(() => document.querySelector('#diagram svg').getBoundingClientRect().width);
    assert.ok(fitted <= 800 && fitted > 700, `the first diagram fits the width (${fitted} px of 800)`);
    await page.click('#actual');
    v = await view();
    assert.equal(v.level, '100%', '1:1 gives the actual size');
    const baseWidth = parseFloat(v.width);
    await page.click('#zoom-in');
    await page.click('#zoom-in');
    await page.evaluate(() => { const vp = document.getElementById('viewport'); vp.scrollLeft = 300; vp.scrollTop = 120; });
    v = await view();
    assert.equal(v.level, '156%');
    assert.ok(Math.abs(parseFloat(v.width) - baseWidth * 1.5625) < 0.01, 'zoomed: the width grows');

    await show(second, []);
    v = await view();
    assert.ok(v.nodes > 0 && v.nodes < 50, 'the new diagram replaced the old one');
    assert.equal(v.level, '156%', 'the zoom is kept across an update');
    assert.deepEqual([v.left, v.top], [300, 120], 'so is the scroll position');

    await show(null, ['sections-and-tags.arg:3: undefined reference \'@x\'']);
    v = await view();
    assert.deepEqual(v.errors, ['sections-and-tags.arg:3: undefined reference \'@x\''], 'the errors are shown');
    assert.ok(v.nodes > 0 && v.stale, 'above the last good diagram, greyed');
    assert.deepEqual([v.left, v.top], [300, 120]);

    await show(second, []);
    v = await view();
    assert.deepEqual(v.errors, [], 'fixed: the errors go');
    assert.ok(!v.stale);

    await page.evaluate(() => {
      const node = document.querySelector('#diagram g.node');
      node.querySelector('text, polygon, path').dispatchEvent(new MouseEvent('click', { bubbles: true }));
    });
    const posted = await page.evaluate(() => window.posted);
    assert.equal(posted.length, 1);
    assert.equal(posted[0].type, 'reveal');
    assert.match(posted[0].node, /^c\d+$/, 'a click on a box names its claim\'s node');

    await page.evaluate(() => {
      const vp = document.getElementById('viewport');
      vp.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, ctrlKey: true, clientX: 100, clientY: 100, bubbles: true, cancelable: true }));
    });
    v = await view();
    assert.equal(v.level, '172%', 'Ctrl+wheel zooms in');
    const saved = await page.evaluate(() => window.savedState);
    assert.ok(Math.abs(saved.scale - 1.71875) < 1e-9, 'the zoom is saved in the webview state');
    assert.deepEqual(problems, [], 'no script error on the page');
    console.log('preview page: all checks passed in', await browser.version());
  } catch (e) {
    failed = true;
    console.error('FAIL:', e.message);
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
