import type { DataSource, EntityManager } from 'typeorm';

/**
 * A write that rides in the first transaction to commit through a data source: an API
 * mutation's audit row commits with the change it records — a crash cannot keep one without the
 * other, and the row costs no commit of its own.
 */
export interface CommitRider {
  /** The data source to do the work with: its transactions carry the write. */
  dataSource: DataSource;
  /** Whether a transaction committed with it: when not, the caller writes it on its own. */
  rode(): boolean;
}

type Work = (manager: EntityManager) => Promise<unknown>;

/**
 * A view of `dataSource` whose first transaction to commit also runs `write`, just before its
 * commit (not a savepoint's). Everything else is the data source itself. Explicit rather than an
 * AsyncLocalStorage: on Node 20 that slows every promise of the process.
 */
export function commitRider(
  dataSource: DataSource,
  write: (manager: EntityManager) => Promise<void>,
): CommitRider {
  let committed = false;
  /** A transaction carries it and has not ended yet. */
  let carried = false;
  const riding = Object.create(dataSource) as DataSource;
  riding.transaction = (async (...args: unknown[]) => {
    const work = args.pop() as Work;
    let carrying = false;
    const withWrite: Work = async (manager) => {
      const result = await work(manager);
      if (!committed && !carried) {
        carried = carrying = true;
        await write(manager);
      }
      return result;
    };
    try {
      const result: unknown = await (
        dataSource.transaction as (...a: unknown[]) => Promise<unknown>
      ).call(dataSource, ...args, withWrite);
      if (carrying) committed = true;
      return result;
    } catch (error) {
      if (carrying) carried = false;
      throw error;
    }
  }) as DataSource['transaction'];
  return { dataSource: riding, rode: () => committed };
}
