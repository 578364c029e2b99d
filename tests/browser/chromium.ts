// Chromium for the browser tests: Debian's package (`apt-get install chromium`), or the one
// CHROMIUM_PATH names; never a download. Where none is found the browser tests are skipped with
// a message, unless ORGSIM_BROWSER_TESTS=required (CI) makes that an error.

import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium to drive, or null with the reason printed once. */
export function findChromium(): string | null {
  const named = process.env.CHROMIUM_PATH;
  const found = named ?? CANDIDATES.find((path) => existsSync(path)) ?? null;
  if (found !== null && existsSync(found)) return found;
  const why = named
    ? `CHROMIUM_PATH is ${named}, and there is no such file`
    : `no Chromium at ${CANDIDATES.join(', ')}`;
  if (process.env.ORGSIM_BROWSER_TESTS === 'required')
    throw new Error(
      `The browser tests need Chromium: ${why}. Install it: apt-get install chromium`,
    );
  console.warn(
    `Skipping the browser tests: ${why}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to run them.`,
  );
  return null;
}

export function launch(executablePath: string): Promise<Browser> {
  // --no-sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
  return chromium.launch({ executablePath, args: ['--no-sandbox'] });
}

/** A page of `file` open in a new browser, and the console errors and page errors it has had. */
export async function openPage(
  executablePath: string,
  file: string,
  viewport: { width: number; height: number },
): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await launch(executablePath);
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`file://${file}`);
  return { browser, page, errors };
}
