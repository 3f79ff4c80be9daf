import { NestFactory } from '@nestjs/core';
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { InvalidEnvironmentError, validateEnv } from './config/env';

/** The worker process: the same modules without HTTP, consuming every queue. */
async function main() {
  require('dotenv').config({ quiet: true });
  try {
    validateEnv(process.env);
  } catch (e) {
    if (e instanceof InvalidEnvironmentError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env: process.env, workers: true, http: false }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  console.log(`Monev worker ${process.pid} consuming queues`);
}

void main();
