import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import type { GroupCommitSettings } from '../config';
import { entities } from './entities';
import { configureGroupCommit } from './group-commit';

/**
 * The one way the project connects to PostgreSQL. The schema comes only from migrations:
 * `synchronize` stays off, and the migrations run when the server starts.
 */
export function createDataSource(
  url: string,
  options: { poolSize?: number; groupCommit?: GroupCommitSettings } = {},
): DataSource {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    poolSize: options.poolSize ?? 10,
    // TypeORM would print a failed query with its parameters (a citizen's data, a password
    // hash): errors reach our logger instead, which leaves parameters out.
    logging: false,
  });
  if (options.groupCommit) configureGroupCommit(dataSource, options.groupCommit);
  return dataSource;
}
