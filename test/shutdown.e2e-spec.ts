import { ChildProcess, spawn } from 'child_process';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { setup } from '../src/cli/setup';
import { validateEnv } from '../src/config/env';
import { dropDatabaseIfExists } from '../src/database/data-source';
import { API } from './factories';
import { freePort } from './support/private-servers';
import { baseTestEnv } from './support/test-app';

const DRAIN_MS = 3000;
/** app.close() after the drain: workers, queues, connections. */
const CLOSE_MARGIN_MS = 2500;
const ADMIN = { email: 'shutdown-admin@test.local', password: 'shutdown-admin-password-123' };

interface Api {
  child: ChildProcess;
  port: number;
  exited: Promise<number>;
  output: () => string;
}

/** The real entry point (src/main.ts) as a child process on its own port, database and queue prefix. */
async function startApi(env: Record<string, string>): Promise<Api> {
  const port = Number(env.PORT);
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: path.join(__dirname, '..'),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d));
  child.stderr!.on('data', (d: Buffer) => (out += d));
  const exited = new Promise<number>((resolve) => child.once('exit', () => resolve(Date.now())));
  for (const deadline = Date.now() + 150000; !out.includes('Monev API listening');) {
    if (child.exitCode !== null) throw new Error(`the API exited during start:\n${out}`);
    if (Date.now() > deadline) throw new Error(`the API did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, exited, output: () => out };
}

interface Answer {
  status: number;
  connection: string | undefined;
  sentAt: number;
  body: string;
}

function send(agent: http.Agent, port: number, method: string, urlPath: string, body?: unknown): Promise<Answer> {
  const sentAt = Date.now();
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { host: '127.0.0.1', port, method, path: urlPath, agent, headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {} },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, sentAt, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

describe('SIGTERM drains HTTP within SHUTDOWN_DRAIN_MS', () => {
  const dbName = `monev_test_shutdown_${process.pid}_${Date.now().toString(36)}`;
  let env: Record<string, string>;
  let api: Api | undefined;

  beforeAll(async () => {
    env = {
      ...baseTestEnv(),
      NODE_ENV: 'production',
      DB_NAME: dbName,
      QUEUE_PREFIX: `t-${dbName}`,
      STORAGE_DIR: path.join(os.tmpdir(), dbName),
      WORKER_INLINE: 'false',
      SHUTDOWN_DRAIN_MS: String(DRAIN_MS),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
    };
    await setup(validateEnv(env), { seedAdmin: true });
  });
  afterEach(() => {
    if (api && api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
  });
  afterAll(async () => {
    await dropDatabaseIfExists(env as never);
  });

  it('keep-alive clients that keep sending get Connection: close, an in-flight request completes with 200, and the process exits in time', async () => {
    api = await startApi({ ...env, PORT: String(await freePort()) });
    const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    let sigtermAt = Infinity;
    const answers: Answer[] = [];
    const errors: string[] = [];
    const loop = async () => {
      // Bounded: stops on the first refused or reset connection, or after 15 s.
      for (const until = Date.now() + 15000; Date.now() < until;) {
        try {
          answers.push(await send(agent, api!.port, 'GET', `${API}/health`));
        } catch (e) {
          errors.push((e as NodeJS.ErrnoException).code ?? String(e));
          return;
        }
      }
    };
    // One check first: the health check's Redis client connects lazily on its first use.
    expect((await send(agent, api.port, 'GET', `${API}/health`)).status).toBe(200);
    const loops = Array.from({ length: 4 }, loop);
    await new Promise((r) => setTimeout(r, 1000));
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((a) => a.status !== 200 || a.connection !== 'keep-alive').slice(0, 3)).toEqual([]);

    // A login takes a while (argon2): it is in flight when the signal lands.
    const inFlight = send(new http.Agent({ keepAlive: true }), api.port, 'POST', `${API}/auth/login`, ADMIN);
    await new Promise((r) => setTimeout(r, 20));
    sigtermAt = Date.now();
    api.child.kill('SIGTERM');
    const login = await inFlight;
    const exitedAt = await api.exited;
    await Promise.all(loops);
    agent.destroy();

    const exitMs = exitedAt - sigtermAt;
    const afterSignal = answers.filter((a) => a.sentAt >= sigtermAt);
    console.log(
      `SIGTERM under keep-alive load: exit after ${exitMs} ms; ${answers.length} answers, ${afterSignal.length} sent after the signal; loops ended with ${errors.join(', ')}`,
    );
    expect(login.status).toBe(200);
    expect(JSON.parse(login.body).accessToken).toEqual(expect.any(String));
    expect(login.connection).toBe('close');
    // Requests sent on open sockets after the signal are still answered, each with Connection: close.
    expect(afterSignal.every((a) => a.status === 200 && a.connection === 'close')).toBe(true);
    expect(errors.length).toBe(4); // every loop ran into the closed server, none ran out its 15 s
    expect(exitMs).toBeLessThan(DRAIN_MS + CLOSE_MARGIN_MS);
    expect(api.output()).not.toMatch(/error during shutdown/);
  });

  it('a connection that never completes its request is closed when the drain time is up', async () => {
    api = await startApi({ ...env, PORT: String(await freePort()) });
    const socket = net.connect(api.port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    socket.on('error', () => undefined);
    socket.write(`GET ${API}/health HTTP/1.1\r\nHost: x\r\n`); // headers never finished
    const closed = new Promise<number>((r) => socket.once('close', () => r(Date.now())));
    await new Promise((r) => setTimeout(r, 200));
    const sigtermAt = Date.now();
    api.child.kill('SIGTERM');
    const exitMs = (await api.exited) - sigtermAt;
    const closedMs = (await closed) - sigtermAt;
    console.log(`SIGTERM with a stalled request: socket closed after ${closedMs} ms, exit after ${exitMs} ms`);
    expect(closedMs).toBeGreaterThanOrEqual(DRAIN_MS - 200);
    expect(exitMs).toBeLessThan(DRAIN_MS + CLOSE_MARGIN_MS);
  });
});
