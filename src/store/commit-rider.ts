import { AsyncLocalStorage } from 'node:async_hooks';
import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

/**
 * A write that rides in the first transaction to commit within a call: an API mutation's audit
 * row commits with the change it records, in the same transaction — a crash cannot keep one
 * without the other, and the row costs no commit of its own.
 */
interface Rider {
  write(manager: EntityManager): Promise<void>;
  /** The transaction it was written in, until that one commits or rolls back. */
  runner?: QueryRunner;
  committed: boolean;
}

const riders = new AsyncLocalStorage<Rider>();

/**
 * Runs `work`; `write` goes into the first transaction that commits inside it (not one nested
 * in a savepoint). `rode` says whether one did: when not, the caller writes it on its own.
 */
export async function withCommitRider<T>(
  write: (manager: EntityManager) => Promise<void>,
  work: () => Promise<T>,
): Promise<{ result: T; rode: boolean }> {
  const rider: Rider = { write, committed: false };
  const result = await riders.run(rider, work);
  return { result, rode: rider.committed };
}

function isOutermost(queryRunner: QueryRunner): boolean {
  // TypeORM keeps the depth protected; a savepoint's release fires the same events.
  return (queryRunner as unknown as { transactionDepth: number }).transactionDepth <= 1;
}

/** Registered with the data source: writes the current call's rider before a commit. */
@EventSubscriber()
export class CommitRiderSubscriber implements EntitySubscriberInterface {
  async beforeTransactionCommit({ queryRunner }: TransactionCommitEvent): Promise<void> {
    const rider = riders.getStore();
    if (!rider || rider.committed || rider.runner || !isOutermost(queryRunner)) return;
    rider.runner = queryRunner;
    await rider.write(queryRunner.manager);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const rider = riders.getStore();
    if (rider?.runner === queryRunner) rider.committed = true;
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const rider = riders.getStore();
    if (rider?.runner === queryRunner && !rider.committed) rider.runner = undefined;
  }
}
