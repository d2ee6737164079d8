import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { DEFAULT_GROUP_COMMIT, type GroupCommitSettings } from '../config';
import { sqlState } from './sql';

/** PostgreSQL's codes for a transaction that lost a race: a deadlock, a serialization failure. */
export const RETRYABLE = new Set(['40P01', '40001']);

type Work = (manager: EntityManager) => Promise<unknown>;

interface Member {
  work: Work;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** What became of one member, told to its caller once the shared transaction has ended. */
interface Outcome {
  settle: () => void;
  /** It lost a race with another transaction: the commit ends here so that it can run again. */
  raced: boolean;
}

/**
 * Group commit: the write transactions of one server (a step each) that arrive together share
 * one PostgreSQL transaction and its commit, each in a savepoint of its own so that a failure
 * sinks only itself. No transaction is delayed to wait for company: one that finds a lane free
 * starts at once; those that arrive while every lane is busy queue, and a lane's transaction
 * takes them on before it commits, until it holds `maxSize` or has been open `maxWaitMs`.
 * Every caller is answered only after the shared commit (or its failure): nothing is
 * acknowledged that a crash could lose.
 */
export class GroupCommit {
  private readonly queue: Member[] = [];
  private busyLanes = 0;
  /** Shared transactions committed, and the members they carried, since the server started. */
  readonly committed = { transactions: 0, members: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: GroupCommitSettings,
  ) {}

  /** Runs `work` in a transaction (its own, or a share of one) and answers after the commit. */
  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (result: unknown) => void, reject });
      this.startLanes();
    });
  }

  private startLanes(): void {
    while (this.busyLanes < this.settings.lanes && this.queue.length > 0) {
      this.busyLanes += 1;
      // Taken now, not once the transaction has begun, so that each lane started has a member.
      const first = this.queue.shift() as Member;
      void this.commitBatch(first).finally(() => {
        this.busyLanes -= 1;
        this.startLanes();
      });
    }
  }

  /** The next queued member this transaction may take on, if any. */
  private next(taken: number, openedAt: number): Member | undefined {
    if (taken >= this.settings.maxSize) return undefined;
    if (performance.now() - openedAt > this.settings.maxWaitMs) return undefined;
    return this.queue.shift();
  }

  /** One shared transaction: its members one after another, then the commit, then the answers. */
  private async commitBatch(first: Member): Promise<void> {
    const runner = this.dataSource.createQueryRunner();
    // The first is taken already: if the transaction cannot even begin, it must fail with it.
    const taken: Member[] = [first];
    const outcomes: Outcome[] = [];
    try {
      await runner.startTransaction();
      const openedAt = performance.now();
      let member: Member | undefined = first;
      for (; member; member = this.next(taken.length, openedAt)) {
        if (member !== first) taken.push(member);
        const outcome = await runMember(runner, member, taken.length === 1);
        outcomes.push(outcome);
        if (outcome.raced || !runner.isTransactionActive) break;
      }
      if (runner.isTransactionActive) {
        await runner.commitTransaction();
        this.committed.transactions += 1;
        this.committed.members += outcomes.length;
      }
    } catch (error) {
      // The shared transaction failed as a whole (its commit, or a lost connection): nothing of
      // it was committed, so every member fails with it.
      await rollBackAll(runner);
      for (const member of taken) member.reject(error);
      return;
    } finally {
      await runner.release();
    }
    for (const outcome of outcomes) outcome.settle();
  }
}

/**
 * Runs one member in the shared transaction. The first needs no savepoint: should it fail, the
 * whole transaction rolls back, and there is nothing else in it yet.
 */
async function runMember(runner: QueryRunner, member: Member, first: boolean): Promise<Outcome> {
  if (!first) await runner.startTransaction(); // a savepoint
  try {
    const result = await member.work(runner.manager);
    if (!first) await runner.commitTransaction(); // the savepoint released
    return { settle: () => member.resolve(result), raced: false };
  } catch (error) {
    await runner.rollbackTransaction(); // to the savepoint, or the whole transaction if first
    const code = sqlState(error);
    return { settle: () => member.reject(error), raced: code !== undefined && RETRYABLE.has(code) };
  }
}

/** Rolls back every savepoint and the transaction, so that no connection goes back to the pool in one. */
async function rollBackAll(runner: QueryRunner): Promise<void> {
  try {
    while (runner.isTransactionActive) await runner.rollbackTransaction();
  } catch {
    // The connection is gone: the server has rolled the transaction back itself.
  }
}

const groupCommits = new WeakMap<DataSource, GroupCommit>();

/** Sets how a data source's transactions share commits (before its first transaction). */
export function configureGroupCommit(dataSource: DataSource, settings: GroupCommitSettings): void {
  groupCommits.set(dataSource, new GroupCommit(dataSource, settings));
}

/** The group commit of a data source, with the default settings if none were configured. */
export function groupCommitOf(dataSource: DataSource): GroupCommit {
  let groupCommit = groupCommits.get(dataSource);
  if (!groupCommit) {
    groupCommit = new GroupCommit(dataSource, DEFAULT_GROUP_COMMIT);
    groupCommits.set(dataSource, groupCommit);
  }
  return groupCommit;
}
