import cluster from 'cluster';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { configureHttpApp, HTTP_APP_OPTIONS } from './bootstrap';
import { requireServices } from './cli/preflight';
import { developmentWarnings, EnvironmentVariables, loadEnvOrExit } from './config/env';

/**
 * The one start of a service process, shared by the API (main.ts) and the worker (worker.ts): the
 * environment loaded the one way (or a few lines saying what is wrong), the development stand-ins
 * said out loud, MySQL and Redis checked before anything waits on them.
 */
export async function prepareProcess(): Promise<EnvironmentVariables> {
  const env = loadEnvOrExit();
  if (cluster.isPrimary) {
    for (const line of developmentWarnings(env)) console.warn(`!!! ${line}`);
    await requireServices(env);
  }
  return env;
}

/** The HTTP application: the same modules as the worker, plus controllers and, when asked, the queue workers. */
export async function createApiApp(env: EnvironmentVariables, workers: boolean): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ env, workers, http: true }), HTTP_APP_OPTIONS);
  configureHttpApp(app);
  return app;
}

/** The worker: the same modules without HTTP, consuming every queue; SIGTERM closes workers, queues, connections. */
export async function createWorkerApp(env: EnvironmentVariables): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env, workers: true, http: false }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
