import { NestFactory } from '@nestjs/core';
import 'reflect-metadata';
import { AppModule } from '../app.module';
import { EnvironmentVariables, loadEnvOrExit } from '../config/env';
import { migrate } from '../database/data-source';
import { OrganizersService } from '../organizers/organizers.service';
import { UsersService } from '../users/users.service';
import { requireServices } from './preflight';

/**
 * Makes a database ready to serve: creates it if missing, applies pending migrations, creates the
 * default organizer and (when ADMIN_EMAIL/ADMIN_PASSWORD are set) its first platform admin.
 * Idempotent. `--only=db` stops after the database and migrations.
 */
export async function setup(env: EnvironmentVariables, opts: { seedAdmin: boolean } = { seedAdmin: true }) {
  const applied = await migrate(env);
  if (!opts.seedAdmin) return { applied, admin: null };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ env, workers: false, http: false }), { logger: ['error', 'warn'] });
  try {
    const organizer = await app.get(OrganizersService).ensureDefault();
    let admin: { created: boolean; email: string } | null = null;
    if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
      const r = await app.get(UsersService).ensurePlatformAdmin(organizer.id, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
      admin = { created: r.created, email: r.user.email };
    }
    return { applied, admin, organizer: organizer.slug };
  } finally {
    await app.close();
  }
}

if (require.main === module) {
  const onlyDb = process.argv.includes('--only=db');
  const env = loadEnvOrExit();
  requireServices(env, { redis: !onlyDb })
    .then(() => setup(env, { seedAdmin: !onlyDb }))
    .then((r) => {
      console.log(`database ${env.DB_NAME}: ${r.applied.length ? `applied ${r.applied.join(', ')}` : 'schema up to date'}`);
      if (r.admin) console.log(`admin ${r.admin.email}: ${r.admin.created ? 'created' : 'already present'}`);
      else if (!onlyDb) console.log('no ADMIN_EMAIL/ADMIN_PASSWORD set: no admin created');
    })
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
