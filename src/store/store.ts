import type { DataSource, EntityManager } from 'typeorm';
import { groupCommitOf, RETRYABLE } from './group-commit';
import { sqlState } from './sql';

const ATTEMPTS = 3;

/** A write that rides in the first transaction to commit: a mutation's audit row. */
type Rider = (tx: Store) => Promise<void>;

/**
 * The database as everything outside `src/store` sees it: a handle to pass to the store's
 * operations (one named statement each), never a query method of its own. Inside a transaction
 * the handle is the transaction's, so the operations called with it share that transaction.
 */
export class Store {
  /** The rider's state: written by a transaction under way, or committed with one. */
  private ride: 'waiting' | 'carried' | 'committed' = 'waiting';

  private constructor(
    /** For `src/store` only: the connection or transaction the operations run on. */
    readonly manager: EntityManager,
    private readonly dataSource: DataSource,
    private readonly rider?: Rider,
  ) {}

  static of(dataSource: DataSource): Store {
    return new Store(dataSource.manager, dataSource);
  }

  /** Whether this handle is a transaction's (the store's operations then share it). */
  get inTransaction(): boolean {
    return this.manager.queryRunner?.isTransactionActive === true;
  }

  /**
   * Runs `work` in one transaction, and again (up to three times in all) when PostgreSQL aborts
   * it for a deadlock: two steps that lock the same instances in opposite order (a child
   * completing while its parent cancels it) are then both done, one after the other. Nothing of
   * an aborted attempt remains, so running it again is safe. Within a transaction, `work` joins it.
   * Transactions that arrive together may share a commit (see GroupCommit); each is answered
   * after that commit.
   */
  async transaction<T>(work: (tx: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    for (let attempt = 1; ; attempt++) {
      const carries = this.rider !== undefined && this.ride === 'waiting';
      if (carries) this.ride = 'carried';
      try {
        const result = await groupCommitOf(this.dataSource).run(async (manager) => {
          const tx = new Store(manager, this.dataSource);
          const result = await work(tx);
          if (carries) await this.rider?.(tx);
          return result;
        });
        if (carries) this.ride = 'committed';
        return result;
      } catch (error) {
        if (carries) this.ride = 'waiting';
        const code = sqlState(error);
        if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
      }
    }
  }

  /**
   * A view of this store whose first transaction to commit also writes `write`, just before its
   * commit: an API mutation's audit row commits with the change it records, a crash cannot keep
   * one without the other, and the row costs no commit of its own.
   */
  riding(write: Rider): Store {
    return new Store(this.manager, this.dataSource, write);
  }

  /** Whether a transaction committed with the rider: when not, the caller writes it on its own. */
  get rode(): boolean {
    return this.ride === 'committed';
  }
}

/**
 * What the store's own operations run on: a Store from outside, or the transaction's manager
 * inside the pipeline.
 */
export type Executor = Store | EntityManager;

export function managerOf(executor: Executor): EntityManager {
  return executor instanceof Store ? executor.manager : executor;
}
