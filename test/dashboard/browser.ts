import { existsSync, mkdirSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = resolve(__dirname, '../..');
/** Where each run saves its screenshots (with the test output; `tmp/` is not committed). */
export const SHOTS = join(root, 'tmp/dashboard-e2e');
/** The committed ones the dashboard's README shows (`UPDATE_SCREENSHOTS=1` rewrites them). */
const COMMITTED_DIR = join(root, 'apps/dashboard/screenshots');
const COMMITTED = new Set([
  'sign-in',
  'pipeline',
  'win-rates',
  'forecast',
  'phone-forecast',
  'incentives',
  'incentives-what-if',
  'phone-incentives',
  'deal',
  'deal-field-error',
  'gate-inbox',
  'customers',
  'phone-pipeline',
  'phone-deals',
]);

const CANDIDATES = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Debian's Chromium (no browser download); quiet on a closed network. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((path) => path !== undefined && existsSync(path));
  if (executablePath === undefined) {
    throw new Error(
      'the dashboard browser tests need Chromium: `apt-get update && apt-get install -y chromium` ' +
        '(or CHROMIUM_PATH=/path/to/chromium)',
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot under tmp/dashboard-e2e (and apps/dashboard/screenshots when asked). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  // From the top: the header and navigation are fixed, a scrolled full-page shot shows them mid-page.
  await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path, fullPage: true });
  if (process.env['UPDATE_SCREENSHOTS'] === '1' && COMMITTED.has(name)) {
    mkdirSync(COMMITTED_DIR, { recursive: true });
    copyFileSync(path, join(COMMITTED_DIR, `${name}.png`));
  }
  return path;
}
