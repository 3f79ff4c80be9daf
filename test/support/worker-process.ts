import { ChildProcess, spawn } from 'child_process';
import * as path from 'path';

/**
 * A separate worker process (src/worker.ts) on the test's environment (its database, queue prefix,
 * SMTP server), resolved once it consumes its queues. DEBUG_CRASH=1 shows its output.
 */
export function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/worker.ts'], {
    cwd: path.join(__dirname, '..', '..'),
    env: { PATH: process.env.PATH, ...env, LOG_LEVEL: process.env.DEBUG_CRASH ? 'info' : 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (process.env.DEBUG_CRASH) {
    child.stdout!.on('data', (d: Buffer) => console.log(`[worker ${child.pid}] ${d}`));
    child.stderr!.on('data', (d: Buffer) => console.log(`[worker ${child.pid} ERR] ${d}`));
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not start')), 60000);
    child.stdout!.on('data', (d: Buffer) => {
      if (d.toString().includes('consuming queues')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('exit', (code) => reject(new Error(`worker exited with ${code}`)));
  });
}
