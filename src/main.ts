import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import 'reflect-metadata';
import { AppModule } from './app.module';
import { configureHttpApp } from './bootstrap';
import { ENV, EnvironmentVariables } from './config/config.module';
import { InvalidEnvironmentError, validateEnv } from './config/env';

async function main() {
  require('dotenv').config({ quiet: true });
  let workers: boolean;
  try {
    workers = validateEnv(process.env).WORKER_INLINE;
  } catch (e) {
    if (e instanceof InvalidEnvironmentError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ env: process.env, workers, http: true }), {
    bufferLogs: true,
  });
  configureHttpApp(app);
  const env = app.get<EnvironmentVariables>(ENV);
  await app.listen(env.PORT);
  const base = (await app.getUrl()).replace('[::1]', 'localhost');
  console.log(`Monev API listening on ${base}/api/v1 (workers ${workers ? 'inline' : 'off'}); docs: ${base}/api/docs`);
}

void main();
