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
  options: { poolSize?: number; groupCommit?: GroupCommitSettings; portalSync?: boolean } = {},
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
    // Connections are kept, not closed after 10 s idle (pg's default): a new one pays for reading
    // the catalog of every month partition a query touches, measured at 25 ms and more on its
    // first figures. Idle ones do not keep a finished script running; TCP keep-alive finds one a
    // firewall dropped.
    extra: {
      idleTimeoutMillis: 0,
      allowExitOnIdle: true,
      keepAlive: true,
      // The dossier's trigger queues its statuses for the portal on these connections alone
      // (see the Dispatch migration): a server with no portal keeps no queue.
      ...(options.portalSync && { options: '-c tthc.portal_sync=on' }),
    },
    // TypeORM would print a failed query with its parameters (a citizen's data, a password
    // hash): errors reach our logger instead, which leaves parameters out.
    logging: false,
  });
  if (options.groupCommit) configureGroupCommit(dataSource, options.groupCommit);
  return dataSource;
}
