import { setup } from '../src/cli/setup';

/** `npm run seed:admin`: the default organizer and its first platform admin from ADMIN_EMAIL/ADMIN_PASSWORD. */
require('dotenv').config({ quiet: true });
if (!process.env.ADMIN_EMAIL || !process.env.ADMIN_PASSWORD) {
  console.error('Set ADMIN_EMAIL and ADMIN_PASSWORD (see .env.example)');
  process.exit(1);
}
setup(process.env)
  .then((r) => console.log(`admin ${r.admin?.email}: ${r.admin?.created ? 'created' : 'already present'} in ${r.organizer}`))
  .catch((e) => {
    console.error(e.message ?? e);
    process.exit(1);
  });
