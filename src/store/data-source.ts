import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { entities } from './entities';

/**
 * The one way the project connects to PostgreSQL. The schema comes only from migrations:
 * `synchronize` stays off, and the migrations run when the server starts.
 */
export function createDataSource(url: string, options: { poolSize?: number } = {}): DataSource {
  return new DataSource({
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
}
