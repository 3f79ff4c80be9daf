import { NestFactory } from '@nestjs/core';
import 'reflect-metadata';
import { AppModule } from '../src/app.module';
import { setup } from '../src/cli/setup';
import { seedKalteng } from './kalteng.seed';

/** `npm run seed`: migrates, then builds the Kalimantan Tengah monev of this year (idempotent). */
async function main() {
  require('dotenv').config({ quiet: true });
  await setup(process.env);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env: process.env, workers: false, http: false }), { logger: ['error', 'warn'] });
  try {
    const r = await seedKalteng(app, { adminPassword: process.env.ADMIN_PASSWORD ?? 'admin-password-123' });
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
