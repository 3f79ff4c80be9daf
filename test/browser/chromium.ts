import { existsSync } from 'fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const chromiumFound = (): boolean => existsSync(CHROMIUM_PATH);

export const CHROMIUM_MISSING_MESSAGE = [
  '',
  '!!! ====================================================================',
  `!!! BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM_PATH}.`,
  '!!! The portal was not tested in a browser. Install it with',
  '!!!   apt-get update && apt-get install -y chromium',
  '!!! (or set CHROMIUM_PATH) and run npm test again; .ci/run installs it.',
  '!!! ====================================================================',
  '',
].join('\n');

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
