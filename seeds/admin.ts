import { requireServices } from '../src/cli/preflight';
import { setup } from '../src/cli/setup';
import { loadEnvOrExit } from '../src/config/env';

/** `npm run seed:admin`: the default organizer and its first platform admin from ADMIN_EMAIL/ADMIN_PASSWORD. */
const env = loadEnvOrExit();
if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) {
  console.error('Set ADMIN_EMAIL and ADMIN_PASSWORD (see .env.example)');
  process.exit(1);
}
requireServices(env)
  .then(() => setup(env))
  .then((r) => console.log(`admin ${r.admin?.email}: ${r.admin?.created ? 'created' : 'already present'} in ${r.organizer}`))
  .catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
