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
    logging: ['error'],
  });
}
