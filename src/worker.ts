import { NestFactory } from '@nestjs/core';
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadEnvOrExit } from './config/env';

/** The worker process: the same modules without HTTP, consuming every queue. */
async function main() {
  const env = loadEnvOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env, workers: true, http: false }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  console.log(`Monev worker ${process.pid} consuming queues`);
}

void main();
