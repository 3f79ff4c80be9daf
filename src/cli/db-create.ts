import { createDatabaseIfMissing } from '../database/data-source';
import { validateEnv } from '../config/env';

require('dotenv').config({ quiet: true });
const env = validateEnv(process.env);
createDatabaseIfMissing(env)
  .then(() => console.log(`database ${env.DB_NAME} is there`))
  .catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
