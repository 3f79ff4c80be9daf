/**
 * The API under test as a child process: build `dist/` when it is older than the sources, run the
 * app's setup (default organizer + platform admin), spawn `node dist/src/main.js` on a free port,
 * wait for `GET /api/v1/health` and stop it again (also when the bench crashes or is interrupted).
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { loadEnv, validateEnv } from '../../src/config/env';

export const ROOT = path.resolve(__dirname, '..', '..');
export const API_PREFIX = '/api/v1';

function newestMtime(dir: string): number {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (e.isFile() && p.endsWith('.ts') && !p.endsWith('.spec.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Runs `npx nest build` when dist/src/main.js is missing or older than src/, migrations/ or seeds/. */
export function ensureBuilt(log: (s: string) => void = console.log): { built: boolean; seconds: number } {
  const main = path.join(ROOT, 'dist', 'src', 'main.js');
  const builtAt = fs.existsSync(main) ? fs.statSync(main).mtimeMs : 0;
  const sourcesAt = Math.max(...['src', 'migrations', 'seeds'].map((d) => newestMtime(path.join(ROOT, d))));
  if (builtAt && builtAt >= sourcesAt) return { built: false, seconds: 0 };
  log(builtAt ? 'dist/ is older than the sources: npx nest build' : 'no dist/src/main.js: npx nest build');
  const t = Date.now();
  const r = spawnSync('npx', ['nest', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0 || !fs.existsSync(main)) throw new Error(`nest build failed (exit ${r.status}${r.signal ? `, ${r.signal}` : ''})`);
  return { built: true, seconds: (Date.now() - t) / 1000 };
}

/** `preferred` when nothing listens there, else a port the OS hands out. */
export async function freePort(preferred: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | null>((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(null));
      srv.listen(port, '0.0.0.0', () => {
        const got = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(got));
      });
    });
  return (await tryListen(preferred)) ?? (await tryListen(0))!;
}

/**
 * The environment of the API and of its setup: the servers as every entry point finds them
 * (loadEnv), everything else fixed, nothing else inherited but PATH/HOME, and no dotenv file read by
 * the children (ENV_FILE=none), so a developer's .env cannot change what is measured.
 */
export function apiEnv(overrides: Record<string, string | number | boolean>): Record<string, string> {
  const servers = loadEnv();
  const base: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? os.tmpdir(),
    ENV_FILE: 'none',
    NODE_ENV: 'production',
    DB_HOST: servers.DB_HOST,
    DB_PORT: String(servers.DB_PORT),
    DB_USER: servers.DB_USER,
    DB_PASSWORD: servers.DB_PASSWORD,
    REDIS_HOST: servers.REDIS_HOST,
    REDIS_PORT: String(servers.REDIS_PORT),
    REDIS_PASSWORD: servers.REDIS_PASSWORD,
    JWT_SECRET: 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz',
    JWT_TTL_SECONDS: '3600',
    LOG_LEVEL: 'warn',
    WORKER_INLINE: 'false',
    LOGIN_RATE_LIMIT: '1000000',
    PUBLIC_RATE_LIMIT: '1000000000',
    ADMIN_EMAIL: 'bench-admin@monev.local',
    ADMIN_PASSWORD: 'bench-admin-password-123',
    STORAGE_DIR: path.join(os.tmpdir(), 'monev-bench-storage'),
  };
  for (const [k, v] of Object.entries(overrides)) base[k] = String(v);
  return base;
}

/** The app's own setup (migrations, default organizer, platform admin), in this process. */
export async function runSetup(env: Record<string, string>): Promise<{ applied: string[]; admin: string | null }> {
  // Loaded lazily: it pulls the whole Nest application in.
  const { setup } = require('../../src/cli/setup') as typeof import('../../src/cli/setup');
  const r = await setup(validateEnv(env), { seedAdmin: true });
  return { applied: r.applied, admin: r.admin?.email ?? null };
}

export interface ApiProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  /** http://127.0.0.1:PORT/api/v1 */
  base: string;
  /** The last lines the child printed (stdout and stderr). */
  tail(): string;
  /** The child's recent lines (up to the last 200) that contain `needle`. */
  grep(needle: string): string[];
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const c of running) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      process.exit(130);
    });
  }
}

/** Spawns `node [nodeArgs] dist/src/main.js` and resolves once /health answers 200. */
export async function startApi(opts: { env: Record<string, string>; port: number; nodeArgs?: string[]; healthTimeoutMs?: number }): Promise<ApiProcess> {
  installExitHook();
  const env = { ...opts.env, PORT: String(opts.port) };
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join('dist', 'src', 'main.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(l);
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const origin = `http://127.0.0.1:${opts.port}`;
  const api: ApiProcess = {
    child,
    pid: child.pid!,
    port: opts.port,
    origin,
    base: `${origin}${API_PREFIX}`,
    tail: () => lines.slice(-40).join('\n'),
    grep: (needle: string) => lines.filter((l) => l.includes(needle)),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(child);
    },
  };
  const deadline = Date.now() + (opts.healthTimeoutMs ?? 60_000);
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(child);
      throw new Error(`the API exited during start (code ${child.exitCode}, signal ${child.signalCode}):\n${api.tail()}`);
    }
    try {
      const res = await fetch(`${api.base}/health`);
      last = `${res.status} ${await res.text()}`;
      if (res.status === 200) return api;
    } catch (e) {
      last = String((e as Error).cause ?? e);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await api.stop();
  throw new Error(`GET /health did not answer 200 within ${(opts.healthTimeoutMs ?? 60_000) / 1000}s (last: ${last}):\n${api.tail()}`);
}

/** CPU time (user + system) of a process in milliseconds, from /proc (Linux); NaN elsewhere. */
export function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return NaN;
  }
}
const CLK_TCK = 100;

/**
 * CPU time of the whole machine in milliseconds (all cores, from /proc/stat): `busy` is user + nice +
 * system + irq + softirq, `steal` the time the hypervisor gave our vCPUs to someone else (a noisy
 * neighbour makes every figure worse). NaN off Linux.
 */
export function machineCpuMs(): { busy: number; steal: number } {
  try {
    const [, ...f] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = f.map(Number);
    return { busy: ((user + nice + system + irq + softirq) * 1000) / CLK_TCK, steal: ((steal || 0) * 1000) / CLK_TCK };
  } catch {
    return { busy: NaN, steal: NaN };
  }
}

/** The pid of the local MariaDB/MySQL server, when it runs on this machine. */
export function databaseServerPid(): number | null {
  try {
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const comm = fs.readFileSync(`/proc/${d}/comm`, 'utf8').trim();
        if (comm === 'mariadbd' || comm === 'mysqld') return Number(d);
      } catch {
        /* gone */
      }
    }
  } catch {
    /* no /proc */
  }
  return null;
}

/** CPU of this process (the load generator), in milliseconds. */
export const selfCpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Spawns the built worker (`node [nodeArgs] dist/src/worker.js`) and resolves once it consumes its queues. Killed with the bench. */
export async function startWorker(env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildProcess> {
  installExitHook();
  const worker = spawn(process.execPath, [...nodeArgs, path.join(ROOT, 'dist', 'src', 'worker.js')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
  running.add(worker);
  await new Promise<void>((resolve, reject) => {
    worker.stdout!.on('data', (d: Buffer) => d.toString().includes('consuming queues') && resolve());
    worker.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
  return worker;
}
