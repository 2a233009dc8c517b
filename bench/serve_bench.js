// `argmap serve`: from saving a map to its open page showing the new
// drawing, on the Beijing map, in Chromium. Each of RUNS saves rewrites the
// file by rename (as editors do) with one claim's text changed; the time is
// taken by the page's clock when its drawing has been replaced.
//
//   node bench/serve_bench.js ARGMAP [RUNS]
'use strict';

const { spawn } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const puppeteer = require(path.join(__dirname, '..', 'tests', 'browser', 'node_modules', 'puppeteer-core'));

const argmap = path.resolve(process.argv[2]);
const runs = +(process.argv[3] || 20);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'argmap-serve-bench-'));
const map = path.join(dir, 'beijing.arg');
const original = fs.readFileSync(path.join(__dirname, '..', 'examples', 'beijing-hostage-diplomacy.arg'), 'utf8');
fs.writeFileSync(map, original);

(async () => {
  const child = spawn(argmap, ['serve', map, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve) => {
    let out = '';
    child.stdout.on('data', (d) => { out += d; const m = /at (http:\/\/\S+)/.exec(out); if (m) resolve(m[1]); });
  });
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.argmapPage.updates >= 1);
  const times = [];
  for (let i = 0; i < runs; ++i) {
    const done = page.evaluate((n) => new Promise((resolve) => {
      const check = () => (window.argmapPage.updates > n ? resolve(Date.now()) : requestAnimationFrame(check));
      check();
    }), await page.evaluate(() => window.argmapPage.updates));
    const text = original.replace('blinked first.', `blinked first (${i}).`);
    const t0 = Date.now();
    fs.writeFileSync(map + '.tmp', text);
    fs.renameSync(map + '.tmp', map);
    times.push((await done) - t0);
    await new Promise((r) => setTimeout(r, 100));
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  console.log(`argmap serve, Beijing map (${original.split('\n').length} lines), save -> page updated over ${runs} saves: ` +
    `median ${at(0.5)} ms, 90th percentile ${at(0.9)} ms, max ${times[times.length - 1]} ms`);
  await browser.close();
  child.kill('SIGTERM');
  fs.rmSync(dir, { recursive: true, force: true });
})().catch((e) => { console.error(e); process.exit(1); });
