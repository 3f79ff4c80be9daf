/**
 * A private MariaDB server and a private Redis for fault tests: each in a temp dir on a free port,
 * so a test may kill, freeze and restart them without touching the shared servers (3306, 6379).
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { createConnection } from 'mysql2/promise';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 30000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up within ${timeoutMs} ms`);
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** A process that is started, stopped by signal and started again on the same port (and data). */
export interface PrivateServer {
  port: number;
  start(): Promise<void>;
  /** SIGKILL, and waits until the process is gone. */
  kill(): Promise<void>;
  pause(): void;
  resume(): void;
  /** Kills the process if it runs and removes its temp dir. */
  dispose(): Promise<void>;
}

function privateServer(name: string, dir: string, port: number, command: () => [string, string[]], ready: () => Promise<boolean>): PrivateServer {
  let child: ChildProcess | undefined;
  let log = '';
  const kill = async () => {
    const c = child;
    if (!c || exited(c)) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGCONT'); // a paused process handles no signal but SIGKILL; be sure
      c.kill('SIGKILL');
    });
  };
  return {
    port,
    async start() {
      const [bin, args] = command();
      child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      const keep = (d: Buffer) => (log = (log + d.toString()).slice(-4000));
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      const c = child;
      await until(name, async () => {
        if (exited(c)) throw new Error(`${name} exited during start:\n${log}`);
        return ready();
      });
    },
    kill,
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async dispose() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `mariadbd` on its own datadir and port (root, empty password), tuned to start in well under a second. */
export async function startPrivateMariadb(): Promise<PrivateServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monev-fault-mariadb-'));
  const datadir = path.join(dir, 'data');
  const install = spawnSync(
    'mariadb-install-db',
    ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', `--user=${os.userInfo().username}`],
    { encoding: 'utf8' },
  );
  if (install.status !== 0) throw new Error(`mariadb-install-db failed: ${install.stderr}`);
  const port = await freePort();
  const server = privateServer(
    'private mariadbd',
    dir,
    port,
    () => [
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--user=${os.userInfo().username}`,
        `--datadir=${datadir}`,
        `--socket=${path.join(dir, 'mysqld.sock')}`,
        `--pid-file=${path.join(dir, 'mysqld.pid')}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        '--innodb-buffer-pool-size=16M',
        '--innodb-log-file-size=4M',
        '--skip-log-bin',
        '--max-connections=100',
      ],
    ],
    async () => {
      const conn = await createConnection({ host: '127.0.0.1', port, user: 'root', password: '', connectTimeout: 1000 });
      await conn.end();
      return true;
    },
  );
  await server.start();
  return server;
}

/** `redis-server` on its own port, nothing persisted. */
export async function startPrivateRedis(): Promise<PrivateServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'monev-fault-redis-'));
  const port = await freePort();
  const server = privateServer(
    'private redis-server',
    dir,
    port,
    () => ['redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir]],
    () =>
      new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('error', () => resolve(false));
        s.once('data', (d) => (s.destroy(), resolve(d.toString().startsWith('+PONG'))));
        s.write('PING\r\n');
      }),
  );
  await server.start();
  return server;
}
