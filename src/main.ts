import cluster from 'cluster';
import 'reflect-metadata';
import { installGracefulShutdown } from './common/graceful-shutdown';
import { EnvironmentVariables } from './config/env';
import { createApiApp, prepareProcess } from './process-bootstrap';

async function serve(env: EnvironmentVariables, workers: boolean) {
  const app = await createApiApp(env, workers);
  await app.listen(env.PORT);
  installGracefulShutdown(app, env.SHUTDOWN_DRAIN_MS);
  const base = (await app.getUrl()).replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  if (cluster.isPrimary || cluster.worker?.id === 1) {
    console.log(`Monev API listening on ${base}/api/v1 (workers ${workers ? 'inline' : 'off'}, ${env.API_PROCESSES} process(es)); docs: ${base}/api/docs`);
  }
}

async function main() {
  const env = await prepareProcess();
  if (env.API_PROCESSES > 1 && cluster.isPrimary) {
    // One HTTP process per core behind the same port (Node's cluster module); the queue workers,
    // when inline, run in the first one only.
    for (let i = 0; i < env.API_PROCESSES; i++) cluster.fork();
    cluster.on('exit', (w, code, signal) => {
      if (signal !== 'SIGTERM' && code !== 0) console.error(`API process ${w.process.pid} exited (${signal ?? code})`);
    });
    for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => Object.values(cluster.workers ?? {}).forEach((w) => w?.process.kill('SIGTERM')));
    return;
  }
  // Cluster workers are numbered from 1 in fork order and never re-forked.
  const workers = env.WORKER_INLINE && (cluster.isPrimary || cluster.worker?.id === 1);
  await serve(env, workers);
}

void main();
