import { loadEnvOrExit } from '../config/env';
import { createDatabaseIfMissing } from '../database/data-source';
import { requireServices } from './preflight';

const env = loadEnvOrExit();
requireServices(env, { redis: false })
  .then(() => createDatabaseIfMissing(env))
  .then(() => console.log(`database ${env.DB_NAME} is there`))
  .catch((e) => {
    console.error(e.message);
    process.exit(1);
  });
