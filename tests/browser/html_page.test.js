// `argmap render -f html` in a real browser (Debian's Chromium, driven by
// puppeteer-core): the page loads from disk with no console error and no
// request; zoom, search, the claim panel, collapsing, #id and the print
// view work; hostile claim text stays text; without JavaScript the drawing
// is there.
//
//   node html_page.test.js ARGMAP [SCREENSHOT.png]
'use strict';

const assert = require('node:assert/strict');
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const argmap = path.resolve(process.argv[2]);
const screenshot = process.argv[3];
const repo = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argmap-html-'));

// The map named as an author would, relative to the repository.
function render(map, out, ...extra) {
  execFileSync(argmap, ['render', path.relative(repo, map), '-f', 'html', '-o', out, ...extra], { cwd: repo });
  return 'file://' + out;
}

const checks = [];
function test(name, f) { checks.push([name, f]); }

// One page per test, recording console errors, dialogs and every request.
async function open(browser, url, js = true) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.setJavaScriptEnabled(js);
  const seen = { errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => { if (m.type() === 'error') seen.errors.push(m.text()); });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss(); });
  await page.setRequestInterception(true);
  page.on('request', (r) => {
    if (r.url() !== url.split('#')[0]) seen.requests.push(r.url());
    r.continue();
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen };
}

const beijing = path.join(repo, 'examples', 'beijing-hostage-diplomacy.arg');
const pageUrl = render(beijing, path.join(dir, 'beijing.html'), '--eval', 'grounded');
const html = fs.readFileSync(path.join(dir, 'beijing.html'), 'utf8');

test('one file: no external script, style, font or image', async () => {
  assert.doesNotMatch(html, /<script[^>]+src=/i);
  assert.doesNotMatch(html, /<link\b/i);
  assert.doesNotMatch(html, /@import|\burl\(/, 'no CSS fetch');
  assert.doesNotMatch(html, /\b(fetch|XMLHttpRequest|WebSocket|import)\s*\(/, 'no script fetch');
  // The live updates of `argmap serve` are off in a rendered page.
  const data = JSON.parse(/id="argmap-data">([^<]*)<\/script>/.exec(html)[1]);
  assert.equal(data.live, undefined, 'no event stream in a rendered page');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
});

test('loads with no console error and no request', async (browser) => {
  const { page, seen } = await open(browser, pageUrl);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests, []);
  assert.ok(await page.$eval('#toolbar', (e) => getComputedStyle(e).display !== 'none'), 'the toolbar shows');
});

test('zoom: buttons, keys and the wheel change the view', async (browser) => {
  const { page } = await open(browser, pageUrl);
  const scale = () => page.evaluate(() => window.argmapPage.view.s);
  const s0 = await scale();
  await page.click('#zoom-in');
  assert.ok(Math.abs(await scale() - s0 * 1.25) < 1e-9, 'the + button zooms in');
  await page.focus('#viewport');
  await page.keyboard.press('-');
  assert.ok(Math.abs(await scale() - s0) < 1e-9, 'the - key zooms out');
  await page.mouse.move(600, 400);
  await page.mouse.wheel({ deltaY: -300 });
  await new Promise((r) => setTimeout(r, 100));
  assert.ok(await scale() > s0, 'the wheel zooms in');
  const before = await page.evaluate(() => window.argmapPage.view.x);
  await page.mouse.move(600, 600);
  await page.mouse.down();
  await page.mouse.move(700, 600, { steps: 5 });
  await page.mouse.up();
  assert.equal(await page.evaluate(() => window.argmapPage.view.x), before + 100, 'dragging pans');
  await page.keyboard.press('0');
  assert.ok(Math.abs(await scale() - s0) < 1e-9, '0 fits again');
});

test('search highlights matches and Enter opens each', async (browser) => {
  const { page } = await open(browser, pageUrl);
  await page.type('#search', 'huawei');
  const expected = await page.evaluate(() => JSON.parse(document.getElementById('argmap-data').textContent)
    .claims.filter((c) => /huawei/i.test(c.text) || /huawei/i.test(c.id)).map((c) => c.node).sort());
  assert.ok(expected.length >= 3, `several claims mention Huawei (${expected.length})`);
  assert.equal(await page.$eval('#found', (e) => e.textContent), `${expected.length} claims`);
  assert.deepEqual(await page.$$eval('g.node.match', (g) => g.map((n) => n.querySelector('title').textContent).sort()), expected);
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('#found', (e) => e.textContent), `1 of ${expected.length}`);
  assert.match(await page.$eval('#panel .text', (e) => e.textContent), /Huawei/i);
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('#found', (e) => e.textContent), `2 of ${expected.length}`, 'Enter cycles');
});

test('a click opens the claim\'s panel: text, attributes, place, reasons, why', async (browser) => {
  const { page } = await open(browser, pageUrl);
  const node = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('argmap-data').textContent);
    return data.claims.find((c) => c.id === 'dpa').node;
  });
  await page.evaluate((n) => {
    const g = [...document.querySelectorAll('g.node')].find((x) => x.querySelector('title').textContent === n);
    g.querySelector('text').dispatchEvent(new MouseEvent('click', { bubbles: true }));
  }, node);
  const panel = await page.$eval('#panel', (p) => p.innerText);
  assert.match(panel, /\[dpa\]/);
  assert.match(panel, /deferred prosecution agreement reads like an admission of guilt/);
  assert.match(panel, /basis\s+document/);
  assert.match(panel, /written\s+examples\/beijing-hostage-diplomacy\.arg:35/);
  assert.match(panel, /status\s+in \(grounded\)/);
  assert.match(panel, /Why/);
  const line = fs.readFileSync(beijing, 'utf8').split('\n')[34];
  assert.match(line, /\[dpa\]/, 'line 35 is where [dpa] is written');
  assert.equal(await page.evaluate(() => location.hash), '#dpa', 'the URL names the claim');
});

test('collapsing hides exactly the claim\'s subtree', async (browser) => {
  const { page } = await open(browser, pageUrl + '#miscalculated');
  const expected = await page.evaluate(() => {
    const data = JSON.parse(document.getElementById('argmap-data').textContent);
    const root = data.claims.findIndex((c) => c.id === 'miscalculated');
    const out = [];
    const walk = (i) => data.claims.forEach((c, k) => { if (c.parent === i) { out.push(c.node); walk(k); } });
    walk(root);
    return out.sort();
  });
  assert.ok(expected.length >= 8, `miscalculated has a subtree (${expected.length})`);
  await page.click('#panel button.collapse');
  const hidden = await page.$$eval('g.node.hidden-by-collapse', (g) => g.map((n) => n.querySelector('title').textContent).filter((t) => /^c/.test(t)).sort());
  assert.deepEqual(hidden, expected);
  const visible = await page.$$eval('g.node', (g) => g.filter((n) => n.getBoundingClientRect().width > 0).length);
  await page.click('#panel button.collapse');
  assert.equal(await page.$$eval('g.hidden-by-collapse', (g) => g.length), 0, 'expanding shows it again');
  assert.ok(visible > 0);
});

test('#id focuses its claim', async (browser) => {
  const { page } = await open(browser, pageUrl + '#blinked');
  assert.match(await page.$eval('#panel', (p) => p.innerText), /\[blinked\]/);
  if (screenshot) await page.screenshot({ path: screenshot });
  const box = await page.evaluate(() => document.querySelector('g.node.selected').getBoundingClientRect().toJSON());
  const vp = await page.evaluate(() => document.getElementById('viewport').getBoundingClientRect().toJSON());
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  assert.ok(Math.abs(cx - (vp.x + vp.width / 2)) < 2 && Math.abs(cy - (vp.y + vp.height / 2)) < 2, 'centred');
  await page.evaluate(() => { location.hash = '#loser'; });
  await new Promise((r) => setTimeout(r, 100));
  assert.match(await page.$eval('#panel', (p) => p.innerText), /\[loser\]/, 'a new fragment focuses its claim');
});

test('hostile text stays text', async (browser) => {
  const map = path.join(dir, 'hostile.arg');
  fs.writeFileSync(map, '[x] <img src=x onerror=alert(1)> </script><script>alert(2)</script> {url: "javascript:alert(3)", source: "<b>bold</b>"}\n' +
    '  + [y] "><svg onload=alert(4)> & more {url: https://example.org/?a=1&b=2}\n');
  const { page, seen } = await open(browser, render(map, path.join(dir, 'hostile.html')) + '#x');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.deepEqual(seen.dialogs, [], 'no script ran');
  assert.deepEqual(seen.errors, []);
  assert.equal(await page.$$eval('img', (i) => i.length), 0, 'no element made from the text');
  const panel = await page.$eval('#panel', (p) => p.innerText);
  assert.match(panel, /<img src=x onerror=alert\(1\)> <\/script><script>alert\(2\)<\/script>/);
  assert.equal(await page.$$eval('#panel a[href^="javascript"]', (a) => a.length), 0, 'no javascript: link');
  await page.evaluate(() => { location.hash = '#y'; });
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(await page.$eval('#panel dd a', (a) => a.getAttribute('href')), 'https://example.org/?a=1&b=2', 'a safe url is a link');
});

test('without JavaScript the drawing is there', async (browser) => {
  const { page } = await open(browser, pageUrl, false);
  const box = await page.$eval('svg', (s) => s.getBoundingClientRect().toJSON());
  assert.ok(box.width > 1000 && box.height > 100, 'the SVG is drawn at its size');
  assert.ok(await page.$eval('#toolbar', (e) => getComputedStyle(e).display === 'none'), 'no dead controls');
});

test('printing shows the whole drawing, without the controls', async (browser) => {
  const { page } = await open(browser, pageUrl + '#dpa');
  await page.emulateMediaType('print');
  assert.equal(await page.$eval('#toolbar', (e) => getComputedStyle(e).display), 'none');
  assert.equal(await page.$eval('#panel', (e) => getComputedStyle(e).display), 'none');
  assert.equal(await page.$eval('#stage', (e) => getComputedStyle(e).transform), 'none');
});

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--allow-file-access-from-files'],
  });
  let failed = 0;
  for (const [name, f] of checks) {
    try {
      await f(browser);
      console.log('ok  ', name);
    } catch (e) {
      failed++;
      console.log('FAIL', name, '\n     ', e.message.split('\n').join('\n      '));
    }
  }
  await browser.close();
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${checks.length - failed}/${checks.length} passed`);
  process.exit(failed ? 1 : 0);
})();
