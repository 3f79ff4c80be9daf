import { execFileSync } from 'child_process';
import * as path from 'path';
import { chromiumFound, CHROMIUM_MISSING_MESSAGE } from './chromium';

/** Builds the portal once (a production build: jest's NODE_ENV=test would give React's development build) for the browser suite (the API serves web/dist); nothing to build without a browser. */
export default function globalSetup(): void {
  if (!chromiumFound()) {
    console.warn(CHROMIUM_MISSING_MESSAGE);
    return;
  }
  const root = path.join(__dirname, '..', '..');
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.mts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  console.log(`\nportal built for the browser suite in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
