// Drives the OHIF viewer in headless Chromium against a Hozon server, as a user would: the study
// list (filtered by the study description), the study's row, the "Basic Viewer" workflow, and the
// first image in the viewport. Run by org.hozon.it.OhifIT, which stores the study, serves OHIF and
// asserts on what this script reports. See README.md in this directory.
//
//   node ohif-e2e.mjs --viewer=http://127.0.0.1:PORT --dicomweb=http://127.0.0.1:8080/dicom-web \
//        --description=TOKEN --out=DIR [--chromium=/usr/bin/chromium] [--timeout=90000]
//
// Writes DIR/ohif-result.json (the DICOMweb requests and their statuses, failed and cancelled
// requests, console errors, pixel statistics of the viewport canvas, and the step that failed if
// one did) and DIR/ohif-viewer.png. Exit code 0 when the flow completed (the caller judges the result), 1 when
// a step failed or timed out, 2 on bad arguments.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: args } = parseArgs({
  options: {
    viewer: { type: 'string' },
    dicomweb: { type: 'string' },
    description: { type: 'string' },
    out: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
    timeout: { type: 'string', default: '90000' },
  },
});
if (!args.viewer || !args.dicomweb || !args.description || !args.out) {
  console.error('usage: node ohif-e2e.mjs --viewer=URL --dicomweb=URL --description=TEXT --out=DIR');
  process.exit(2);
}
const started = Date.now();
const deadline = started + Number(args.timeout);
const remaining = () => Math.max(1000, deadline - Date.now());
const hozonOrigin = new URL(args.dicomweb).origin;
mkdirSync(args.out, { recursive: true });

const result = {
  ok: false, step: '', error: null, elapsedMs: 0, viewerUrl: null,
  requests: [], failed: [], aborted: [], consoleErrors: [], pageErrors: [], pixels: null,
};
const statsSource = `(${canvasStats})`;
const inFlight = new Set();
let lastActivity = Date.now();

// Chromium as the probe on this kind of machine starts it: no sandbox (root), no GPU (WebGL runs
// on SwiftShader), and no background connections (the network is closed; they would only fail).
const browser = await chromium.launch({
  executablePath: args.chromium,
  headless: true,
  timeout: 30000,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let page;
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  watch(page);

  result.step = 'study list shows the study';
  await page.goto(`${args.viewer}/?description=${encodeURIComponent(args.description)}`, { timeout: remaining() });
  const row = page.locator('tr', { hasText: args.description });
  await row.first().waitFor({ timeout: remaining() });

  result.step = 'open the study in the Basic Viewer';
  await row.first().click({ timeout: remaining() });
  await page.getByRole('button', { name: 'Basic Viewer', exact: true }).click({ timeout: remaining() });
  await page.waitForURL(/\/viewer\?/, { timeout: remaining() });
  result.viewerUrl = page.url();

  result.step = 'an image is rendered in the viewport';
  const canvas = page.locator('canvas.cornerstone-canvas').first();
  await canvas.waitFor({ timeout: remaining() });
  await page.waitForFunction(source => {
    const s = eval(source)(document.querySelector('canvas.cornerstone-canvas'));
    return s && s.nonBlackFraction > 0.05 && s.levels >= 16;
  }, statsSource, { timeout: remaining(), polling: 250 });

  result.step = 'DICOMweb requests settle';
  while (inFlight.size > 0 || Date.now() - lastActivity < 1000) {
    if (Date.now() > deadline) {
      throw new Error(`requests still in flight: ${[...inFlight].join(', ')}`);
    }
    await page.waitForTimeout(100);
  }
  result.pixels = await canvas.evaluate((c, source) => eval(source)(c), statsSource);
  result.step = 'done';
  result.ok = true;
} catch (e) {
  result.error = String(e && e.message ? e.message : e).split('\n').slice(0, 6).join('\n');
} finally {
  if (page) {
    // the onboarding tour dims the page: dismiss it, if shown, for a clearer screenshot
    await page.getByText('Skip all', { exact: true }).click({ timeout: 500 }).catch(() => {});
    await page.screenshot({ path: join(args.out, 'ohif-viewer.png') }).catch(() => {});
    if (!result.pixels) {
      result.pixels = await page.locator('canvas.cornerstone-canvas').first()
        .evaluate((c, source) => eval(source)(c), statsSource, { timeout: 2000 }).catch(() => null);
    }
  }
  await browser.close().catch(() => {});
  result.elapsedMs = Date.now() - started;
  writeFileSync(join(args.out, 'ohif-result.json'), JSON.stringify(result, null, 2));
  console.log(`${result.ok ? 'OK' : 'FAILED at: ' + result.step} in ${result.elapsedMs} ms`
    + (result.error ? `\n${result.error}` : ''));
}
process.exit(result.ok ? 0 : 1);

/** Records every request to the Hozon origin, its status or failure, and console errors. */
function watch(p) {
  const isHozon = url => url.startsWith(hozonOrigin + '/');
  p.on('request', r => {
    if (isHozon(r.url())) {
      inFlight.add(r);
      lastActivity = Date.now();
    }
  });
  p.on('requestfinished', async r => {
    if (!isHozon(r.url())) return;
    const response = await r.response().catch(() => null);
    result.requests.push({
      method: r.method(), url: r.url(), accept: r.headers()['accept'] || null,
      status: response ? response.status() : null,
      contentType: response ? response.headers()['content-type'] || null : null,
    });
    inFlight.delete(r);
    lastActivity = Date.now();
  });
  p.on('requestfailed', r => {
    if (!isHozon(r.url())) return;
    const error = r.failure() ? r.failure().errorText : null;
    // ERR_ABORTED: the page cancelled it (e.g. a study-list thumbnail when the viewer opens);
    // a request the browser refused (CORS) or that the server broke off fails otherwise.
    (error === 'net::ERR_ABORTED' ? result.aborted : result.failed).push({ method: r.method(), url: r.url(), error });
    inFlight.delete(r);
    lastActivity = Date.now();
  });
  p.on('console', m => {
    if (m.type() === 'error') result.consoleErrors.push(m.text().slice(0, 500));
  });
  p.on('pageerror', e => result.pageErrors.push(String(e).slice(0, 500)));
}

/**
 * Statistics of a canvas's pixels (evaluated in the page): the fraction that is not black, the
 * number of distinct grey levels, and the mean of a small box at the centre.
 */
function canvasStats(c) {
  if (!c || c.width === 0 || c.height === 0) return null;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  const { width, height } = c;
  const d = ctx.getImageData(0, 0, width, height).data;
  let nonBlack = 0;
  const levels = new Set();
  for (let i = 0; i < d.length; i += 4) {
    const l = Math.round(0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2]);
    if (l > 16) nonBlack++;
    levels.add(l);
  }
  const r = Math.max(2, Math.round(Math.min(width, height) / 50));
  let sum = 0;
  let n = 0;
  for (let y = Math.floor(height / 2) - r; y <= Math.floor(height / 2) + r; y++) {
    for (let x = Math.floor(width / 2) - r; x <= Math.floor(width / 2) + r; x++) {
      const i = (y * width + x) * 4;
      sum += 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
      n++;
    }
  }
  return { width, height, nonBlackFraction: nonBlack / (width * height), levels: levels.size, centreMean: sum / n };
}
