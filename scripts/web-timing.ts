/**
 * `npm run budget:web:timing`: issue 17's budget for the public ranking of the demo period (65 bodies):
 * its first row is visible within 1 s of navigation in headless Chromium on the local server.
 *
 * Runs `npm run demo -- --serve` (a fresh database, the whole year through the API: seeded, ranked,
 * published) in the background until it prints "Serving until", then opens
 * `/peringkat/ki-kalteng/<year>` cold (a new browser context each time: no cache, no cookies) RUNS
 * times and prints each time-to-first-row and the median. The time is read in the page:
 * `performance.now()` (which counts from the navigation's start) when the first ranking row is
 * visible, polled every animation frame. Then stops the demo and drops its database.
 *
 * Options: --db NAME (monev_timing), --port N (a free one), --runs N (5), --url ORIGIN (measure a
 * server already running the demo instead of starting one; --year Y then names the period).
 */
import { ChildProcess, spawn } from 'child_process';
import { rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import * as path from 'path';
import 'reflect-metadata';
import { loadEnvOrExit, toEnvironment, validateEnv } from '../src/config/env';
import { dropDatabaseIfExists } from '../src/database/data-source';
import { launchChromium } from '../test/browser/chromium';

export const FIRST_ROW_BUDGET_MS = 1000;
const ROOT = path.resolve(__dirname, '..');

const option = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** The demo in its own process group (it starts the API and a worker), serving once it says so. */
function startDemo(db: string, port: number, out: string): Promise<{ child: ChildProcess; year: number }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'seeds/demo.ts', '--serve', '--db', db, '--port', String(port), '--out', out], {
    cwd: ROOT,
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const read = (d: Buffer) => {
      log = (log + d.toString()).slice(-20000);
      if (log.includes('Serving until')) {
        const year = Number(/public\/periods\/(\d{4})\/ranking/.exec(log)?.[1]);
        resolve({ child, year });
      }
    };
    child.stdout!.on('data', (d: Buffer) => {
      // Only the demo's steps (`[ 12.3s] ...`), not its ranking table.
      for (const line of d.toString().split('\n')) if (/^\[\s*\d/.test(line)) console.log(`  demo: ${line}`);
      read(d);
    });
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`the demo exited with ${code} before serving:\n${log.slice(-3000)}`)));
  });
}

function stopDemo(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    process.kill(-child.pid!, 'SIGTERM'); // the demo's group: the demo, its API and its worker
    setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 15000).unref();
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function timeToFirstRow(origin: string, year: number, runs: number): Promise<number[]> {
  const browser = await launchChromium();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
      const page = await context.newPage();
      await page.goto(`${origin}/peringkat/ki-kalteng/${year}`, { waitUntil: 'commit' });
      const firstRow = await page.waitForFunction(
        () => {
          const row = document.querySelector<HTMLElement>('[data-testid="ranking-row"]');
          return row && row.checkVisibility() ? performance.now() : 0;
        },
        undefined,
        { polling: 'raf', timeout: 30000 },
      );
      const ms = Math.round((await firstRow.jsonValue()) as number);
      const rows = await page.getByTestId('ranking-row').count();
      console.log(`  run ${i + 1}: first row visible ${ms} ms after navigation start (${rows} rows)`);
      times.push(ms);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

async function main() {
  const runs = Number(option('runs', '5'));
  const given = option('url', '');
  let demo: { child: ChildProcess; year: number } | null = null;
  const db = option('db', 'monev_timing');
  let origin = given;
  let year = Number(option('year', '0'));
  const out = path.join(tmpdir(), `monev-timing-${process.pid}`);
  try {
    if (!given) {
      const port = Number(option('port', String(await freePort())));
      console.log(`starting the demo (65 bodies) on port ${port}, database ${db}: a few minutes`);
      const started = Date.now();
      demo = await startDemo(db, port, out);
      origin = `http://127.0.0.1:${port}`;
      year = demo.year;
      console.log(`demo serving after ${((Date.now() - started) / 1000).toFixed(0)} s; ranking ${year}`);
    }
    const times = await timeToFirstRow(origin, year, runs);
    const m = median(times);
    console.log(
      `public ranking ${year} (ki-kalteng), first row visible: ${times.join(', ')} ms; median ${m} ms (budget ${FIRST_ROW_BUDGET_MS} ms)${m > FIRST_ROW_BUDGET_MS ? '  OVER BUDGET' : ''}`,
    );
    if (m > FIRST_ROW_BUDGET_MS) process.exitCode = 1;
  } finally {
    if (demo) {
      await stopDemo(demo.child);
      rmSync(out, { recursive: true, force: true });
      await dropDatabaseIfExists(validateEnv({ ...toEnvironment(loadEnvOrExit()), DB_NAME: db })).catch((e: unknown) =>
        console.error(`could not drop ${db}: ${e instanceof Error ? e.message : e}`),
      );
    }
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
