// temporary (H6): docs pages under serve.mjs's CSP: violations, surface status, screenshots
import puppeteer from 'puppeteer-core';
import { chromiumArgs, chromiumPath } from './chromium.mjs';
const base = process.argv[2];
const pages = process.argv.slice(3);
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: chromiumArgs() });
for (const name of pages) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const logs = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') logs.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => logs.push(`pageerror: ${e.message}`));
  await page.evaluateOnNewDocument(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const response = await page.goto(base + name, { waitUntil: 'load' });
  const csp = response.headers()['content-security-policy'];
  await new Promise((r) => setTimeout(r, 5000));
  const report = await page.evaluate(() => {
    const key = Symbol.for('lossquake.loss-surface.testing');
    const surfaces = [...document.querySelectorAll('loss-surface')];
    return {
      violations: window.__violations,
      status: customElements.get('loss-surface')?.[key]?.status,
      surfaces: surfaces.map((s) => ({ frames: s[key]?.framesDrawn, message: s.shadowRoot?.querySelector('.message')?.textContent?.trim() ?? '' })),
    };
  });
  console.log(name, 'CSP header:', csp ? 'yes' : 'NO', JSON.stringify(report), logs.length ? logs : '');
  const first = await page.$('loss-surface');
  if (first) {
    await first.scrollIntoView();
    await new Promise((r) => setTimeout(r, 1500));
    await first.screenshot({ path: `/tmp/h6/${name.replace('.html', '')}-surface.png` });
  }
  await page.close();
}
await browser.close();
