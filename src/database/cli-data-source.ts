import { DataSource } from 'typeorm';
import { loadEnv } from '../config/env';
import { dataSourceOptions } from './data-source';

/** The TypeORM CLI's data source (`-d src/database/cli-data-source.ts`), configured like every entry point. */
export default new DataSource(dataSourceOptions(loadEnv()));
