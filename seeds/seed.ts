import { NestFactory } from '@nestjs/core';
import 'reflect-metadata';
import { AppModule } from '../src/app.module';
import { requireServices } from '../src/cli/preflight';
import { setup } from '../src/cli/setup';
import { DEVELOPMENT_ADMIN, loadEnvOrExit } from '../src/config/env';
import { seedKalteng } from './kalteng.seed';

/** `npm run seed`: migrates, then builds the Kalimantan Tengah monev of this year (idempotent). */
async function main() {
  const env = loadEnvOrExit();
  await requireServices(env);
  await setup(env);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env, workers: false, http: false }), { logger: ['error', 'warn'] });
  try {
    const r = await seedKalteng(app, { adminPassword: env.ADMIN_PASSWORD ?? DEVELOPMENT_ADMIN.password });
    console.log(
      `seeded ki-kalteng period ${r.year} (id ${r.periodId}): ${r.created.categories} categories, ${r.created.bodies} bodies, ${r.created.users} users created${r.created.period ? ', period created with instrument and participants' : ', period already there'}`,
    );
  } finally {
    await app.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
