// `argmap serve` with a real browser and a hostile client: the page updates
// in place when the map is saved (also by rename), keeping zoom and
// selection; a broken map shows its errors above the last good drawing; a
// fixed one comes back; nothing outside the served folder is reachable;
// Host, methods and the request limits hold; SIGTERM stops it.
//
//   node serve.test.js ARGMAP
'use strict';

const assert = require('node:assert/strict');
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const puppeteer = require('puppeteer-core');

const argmap = path.resolve(process.argv[2]);
const repo = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argmap-serve-'));
const site = path.join(dir, 'site');
fs.mkdirSync(path.join(site, 'sub'), { recursive: true });
const beijing = path.join(site, 'beijing.arg');
const original = fs.readFileSync(path.join(repo, 'examples', 'beijing-hostage-diplomacy.arg'), 'utf8');
fs.writeFileSync(beijing, original);
fs.copyFileSync(path.join(repo, 'examples', 'undercut.arg'), path.join(site, 'sub', 'undercut.arg'));
fs.writeFileSync(path.join(dir, 'secret.arg'), '[s] A secret outside the served folder.\n');
fs.symlinkSync(path.join(dir, 'secret.arg'), path.join(site, 'escape.arg'));
fs.symlinkSync('/etc', path.join(site, 'etc'));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
// Saves like an editor that writes a new file and renames it over the old one.
function save(text) {
  fs.writeFileSync(beijing + '.tmp', text);
  fs.renameSync(beijing + '.tmp', beijing);
}

function start(...args) {
  const child = spawn(argmap, ['serve', ...args, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1] });
    });
    child.on('exit', (code) => reject(new Error('argmap serve ended with ' + code + ': ' + out)));
  });
}

// One raw request; the status code (0 when the server closed without one).
function raw(url, text) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(+port, hostname, () => s.write(text));
    let got = '';
    s.on('data', (d) => { got += d; });
    s.on('close', () => resolve(+(/^HTTP\/1\.[01] (\d+)/.exec(got) || [0, 0])[1]));
    s.on('error', () => resolve(0));
    setTimeout(() => s.destroy(), 3000);
  });
}
const get = (url, target, host) => raw(url, `GET ${target} HTTP/1.1\r\nHost: ${host || new URL(url).host}\r\nConnection: close\r\n\r\n`);

const checks = [];
function test(name, f) { checks.push([name, f]); }

test('the page updates in place on save, keeping zoom and selection', async (ctx) => {
  const page = await ctx.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(ctx.url + 'beijing.html#blinked', { waitUntil: 'load' });
  await page.waitForFunction(() => window.argmapPage.updates >= 1, { timeout: 5000 });  // the stream is open
  await page.click('#zoom-in');
  const before = await page.evaluate(() => { window.notReloaded = true; return { ...window.argmapPage.view }; });
  const t0 = Date.now();
  save(original.replace('Second loss: it was Beijing that blinked first.', 'Second loss: Beijing blinked first, and it showed.'));
  await page.waitForFunction(() => document.querySelector('#panel .text')?.textContent.includes('and it showed'), { timeout: 1000 });
  const ms = Date.now() - t0;
  assert.ok(await page.evaluate(() => window.notReloaded === true), 'no reload of the whole page');
  assert.deepEqual(await page.evaluate(() => ({ ...window.argmapPage.view })), before, 'zoom and pan kept');
  assert.match(await page.$eval('#panel', (p) => p.innerText), /\[blinked\]/, 'the selection kept');
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('#stage text')].some((t) => t.textContent.includes('and it'))), 'the drawing shows the new text');
  ctx.note(`saved -> page updated in ${ms} ms`);

  save(original + '  + @nope\n');
  await page.waitForFunction(() => !document.getElementById('errors').hidden, { timeout: 1000 });
  const listed = await page.$eval('#errors', (e) => e.innerText);
  const line = original.split('\n').length;
  assert.match(listed, new RegExp(`beijing\\.arg:${line}: undefined reference '@nope'`), listed);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('stale') && document.querySelectorAll('#stage g.node').length > 50), 'the last good drawing stays, greyed');

  save(original);
  await page.waitForFunction(() => document.getElementById('errors').hidden, { timeout: 1000 });
  assert.ok(await page.evaluate(() => !document.documentElement.classList.contains('stale')), 'fixed: the drawing is back');
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('#stage text')].some((t) => t.textContent.includes('blinked first.'))));
  assert.deepEqual(errors, []);
});

test('the folder index links each map; a map reached through a link out is not served', async (ctx) => {
  const page = await ctx.browser.newPage();
  await page.goto(ctx.url, { waitUntil: 'load' });
  const links = await page.$$eval('a', (a) => a.map((x) => x.getAttribute('href')).sort());
  assert.deepEqual(links, ['beijing.html', 'sub/undercut.html']);
  assert.equal(await get(ctx.url, '/sub/undercut.html'), 200);
  assert.equal(await get(ctx.url, '/escape.html'), 404, 'a link to a map outside the folder');
});

test('nothing outside the served folder is reachable', async (ctx) => {
  for (const target of ['/../secret.html', '/%2e%2e/secret.html', '/%2E%2E%2Fsecret.html', '/sub/../beijing.html',
    '/./beijing.html', '//etc/passwd', '/etc/passwd', '/etc/hostname', '/beijing.arg', '/%00', '/a%5c..%5csecret.html',
    '/%zz', 'http://127.0.0.1/beijing.html', '*', '/secret.html']) {
    const status = await get(ctx.url, target);
    assert.ok(status === 400 || status === 404, `${target}: ${status}`);
  }
});

test('Host is checked (DNS rebinding), GET and HEAD only', async (ctx) => {
  assert.equal(await get(ctx.url, '/', 'rebound.example.com:' + new URL(ctx.url).port), 403);
  assert.equal(await get(ctx.url, '/', `localhost:${new URL(ctx.url).port}`), 200);
  assert.equal(await raw(ctx.url, 'GET / HTTP/1.0\r\n\r\n'), 403, 'no Host at all');
  for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE'])
    assert.equal(await raw(ctx.url, `${m} / HTTP/1.1\r\nHost: ${new URL(ctx.url).host}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`), 405, m);
  assert.equal(await raw(ctx.url, `HEAD /beijing.html HTTP/1.1\r\nHost: ${new URL(ctx.url).host}\r\nConnection: close\r\n\r\n`), 200);
});

test('request limits: header size, field count, body, connections', async (ctx) => {
  const host = new URL(ctx.url).host;
  assert.equal(await raw(ctx.url, `GET / HTTP/1.1\r\nHost: ${host}\r\nX-Big: ${'a'.repeat(10000)}\r\n\r\n`), 431);
  let many = '';
  for (let i = 0; i < 100; ++i) many += `X-F${i}: 1\r\n`;
  assert.equal(await raw(ctx.url, `GET / HTTP/1.1\r\nHost: ${host}\r\n${many}\r\n`), 431);
  assert.ok([400, 413].includes(await raw(ctx.url, `GET / HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(2000)}`)), 'a body');
  assert.equal(await raw(ctx.url, 'NOT HTTP AT ALL\r\n\r\n'), 400);
  const { hostname, port } = new URL(ctx.url);
  const sockets = [];
  for (let i = 0; i < 80; ++i) sockets.push(net.connect(+port, hostname));
  await sleep(300);
  const closed = sockets.filter((s) => s.destroyed || s.readyState === 'closed' || s.readableEnded).length;
  sockets.forEach((s) => s.destroy());
  await sleep(200);
  assert.equal(await get(ctx.url, '/'), 200, 'it still serves after a flood of connections');
  ctx.note(`80 idle connections: ${closed} turned away at once`);
});

(async () => {
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const { child, url } = await start(site);
  const notes = [];
  const ctx = { browser, url, note: (n) => notes.push(n) };
  let failed = 0;
  for (const [name, f] of checks) {
    try {
      await f(ctx);
      console.log('ok  ', name);
    } catch (e) {
      failed++;
      console.log('FAIL', name, '\n     ', e.message.split('\n').join('\n      '));
    }
  }
  await browser.close();
  const t = Date.now();
  child.kill('SIGTERM');
  const code = await new Promise((r) => child.on('exit', (c) => r(c)));
  if (code !== 0 || Date.now() - t > 2000) { failed++; console.log('FAIL SIGTERM stops it cleanly:', code); }
  else console.log('ok   SIGTERM stops it cleanly (exit 0)');
  notes.forEach((n) => console.log('note', n));
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`${checks.length + 1 - failed}/${checks.length + 1} passed`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(1); });
