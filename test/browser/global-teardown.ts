import { chromiumFound, CHROMIUM_MISSING_MESSAGE } from './chromium';

/** Says again, at the very end of the run, that the browser suite did not run. */
export default function globalTeardown(): void {
  if (!chromiumFound()) console.warn(CHROMIUM_MISSING_MESSAGE);
}
