import 'reflect-metadata';
import { readConfig } from './src/config';
import { createDataSource } from './src/store/data-source';

/**
 * The DataSource, for TypeORM's tools. It points at DATABASE_URL, or else at the embedded
 * PostgreSQL that `npm start` runs (it must be running). The server itself opens the database
 * through src/store/open-database.ts, which also starts the embedded one when needed.
 */
const config = readConfig();
export const dataSource = createDataSource(
  config.databaseUrl ??
    `postgres://postgres:postgres@127.0.0.1:${config.embeddedPostgresPort}/tthc`,
);
export default dataSource;
