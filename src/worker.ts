import 'reflect-metadata';
import { createWorkerApp, prepareProcess } from './process-bootstrap';

/** The worker process: the same modules without HTTP, consuming every queue. */
async function main() {
  const env = await prepareProcess();
  await createWorkerApp(env);
  console.log(`Monev worker ${process.pid} consuming queues`);
}

void main();
