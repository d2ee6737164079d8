import type { EntityManager } from 'typeorm';
import { processVariables } from '../../engine/state';
import type { Command } from '../../engine/types';
import { AppError } from '../../errors';
import { ProcessDefinitionEntity, ProcessInstanceEntity } from '../entities';
import { preparedQuery } from '../prepared';
import { entityFromRow } from '../rows';
import type { Store } from '../store';
import { lockInstance, lockInstanceOfTask, type LockedInstance } from './instance-rows';
import type { FollowUp, OpenTask, SentMessage } from './plan/write-plan';
import { startInstance, stepInstance, type StartInput, type Stepped } from './step-instance';
import { holdCall } from './held-calls';

/** Processes that call each other within one unit of work stop here rather than go on for ever. */
const MAX_CALL_DEPTH = 20;

/** A command addressed to an instance: one the caller locked, or one the unit locks. */
type Work =
  | { kind: 'step'; target: LockedInstance; command: Command; knownTask?: KnownTask }
  | { kind: 'start'; definition: ProcessDefinitionEntity; input: StartInput }
  | {
      kind: 'toParent';
      parent: ProcessInstanceEntity;
      child: ProcessInstanceEntity;
      command: Command;
    }
  | {
      kind: 'startChild';
      parent: ProcessInstanceEntity;
      effect: Extract<FollowUp, { type: 'START_CHILD' }>;
    }
  | { kind: 'cancelChild'; parent: ProcessInstanceEntity; waitId: number };

/** A task the caller read under the instance's lock. */
export type KnownTask = { waitId: number } & OpenTask;

/**
 * One transaction's steps: the command an entry point dispatches, then every command its steps
 * address to other instances (children to start or cancel, parents to move on), processed in
 * order — what a step causes comes before what was queued after it — with no recursion. The
 * messages they send are collected, to deliver once the transaction has committed.
 */
export class UnitOfWork {
  readonly sent: SentMessage[] = [];

  constructor(
    readonly tx: Store,
    readonly now: Date,
  ) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /** Locks an instance for a step (see lockInstance for the lock order). */
  lock(instanceId: string): Promise<LockedInstance> {
    return lockInstance(this.manager, instanceId);
  }

  /** Locks the instance a task belongs to; null when there is no such task. */
  lockOfTask(taskId: string): Promise<LockedInstance | null> {
    return lockInstanceOfTask(this.manager, taskId);
  }

  /** Runs a command on a locked instance, and all it causes. */
  /** A held call activity starts its process now (see holdCall), and all that causes. */
  async callChild(
    parent: ProcessInstanceEntity,
    effect: Extract<FollowUp, { type: 'START_CHILD' }>,
  ): Promise<void> {
    await this.process({ kind: 'startChild', parent, effect });
  }

  async step(target: LockedInstance, command: Command, knownTask?: KnownTask): Promise<Stepped> {
    return (await this.process({ kind: 'step', target, command, knownTask }))!;
  }

  /**
   * Starts an instance of a definition, and runs all its first step causes. The new instance is
   * locked by this transaction (it created the row): `locked` takes further commands.
   */
  async start(
    definition: ProcessDefinitionEntity,
    input: StartInput,
  ): Promise<Stepped & { locked: LockedInstance }> {
    const started = (await this.process({ kind: 'start', definition, input }))!;
    return { ...started, locked: { instance: started.instance } };
  }

  private async process(first: Work): Promise<Stepped | undefined> {
    const queue: Work[] = [first];
    let result: Stepped | undefined;
    for (let work = queue.shift(); work; work = queue.shift()) {
      const stepped = await this.run(work);
      if (!stepped) continue;
      result ??= stepped;
      this.sent.push(...stepped.sent);
      queue.unshift(...caused(stepped));
    }
    return result;
  }

  private async run(work: Work): Promise<Stepped | undefined> {
    const { manager, now } = this;
    switch (work.kind) {
      case 'step':
        return stepInstance(manager, work.target, work.command, now, work.knownTask);
      case 'start':
        return startInstance(manager, work.definition, work.input, now);
      case 'toParent':
        return this.toParent(work.parent, work.child, work.command);
      case 'startChild':
        return this.startChild(work.parent, work.effect);
      case 'cancelChild':
        return this.cancelChild(work.parent, work.waitId);
    }
  }

  /** A child's completion or throw moves its parent on, if the call still waits for it. */
  private async toParent(
    parent: ProcessInstanceEntity,
    child: ProcessInstanceEntity,
    command: Command,
  ): Promise<Stepped | undefined> {
    const locked = await this.lock(parent.id);
    const { instance } = locked;
    if (instance.status !== 'ACTIVE') return undefined;
    // The call may have ended in this same unit (an escalation it threw was caught there).
    const waits = instance.state.tokens.some((t) => t.id === child.parentWaitId);
    if (command.type === 'CHILD_COMPLETED' && !waits) return undefined;
    return stepInstance(this.manager, locked, command, this.now);
  }

  private async startChild(
    parent: ProcessInstanceEntity,
    effect: Extract<FollowUp, { type: 'START_CHILD' }>,
  ): Promise<Stepped | undefined> {
    // An earlier child may have already ended this call (an error caught around it).
    if (!(await stillWaits(this.manager, parent.id, effect.waitId))) return undefined;
    const depth = (parent.callDepth ?? 0) + 1;
    if (depth > MAX_CALL_DEPTH) {
      throw new AppError(
        'LOOP_LIMIT',
        `Call activity '${effect.elementId}' would start a ${depth}th nested instance; the processes call each other without end`,
        { elementId: effect.elementId },
      );
    }
    const definition = await calledDefinition(this.manager, effect);
    if (!definition) {
      // The officer's step stands; the call waits, with an incident, for the process to deploy.
      await holdCall(this.tx, parent, effect, this.now);
      return undefined;
    }
    return startInstance(
      this.manager,
      definition,
      {
        businessKey: effect.businessKey,
        variables: effect.variables,
        agency: parent.agency,
        parent: { instanceId: parent.id, waitId: effect.waitId, depth },
      },
      this.now,
    );
  }

  private async cancelChild(
    parent: ProcessInstanceEntity,
    waitId: number,
  ): Promise<Stepped | undefined> {
    const [child] = await preparedQuery<{ id: string; status: string }>(
      this.manager,
      'SELECT id, status FROM process_instance WHERE parent_instance_id = $1 AND parent_wait_id = $2',
      [parent.id, waitId],
    );
    if (!child || child.status !== 'ACTIVE') return undefined;
    return stepInstance(this.manager, await this.lock(child.id), { type: 'CANCEL' }, this.now);
  }
}

/** The work a step causes in other instances, in the order the old recursion did it. */
function caused({ instance, followUps }: Stepped): Work[] {
  const canceled = new Set(followUps.filter((f) => f.type === 'CANCEL_CHILD').map((f) => f.waitId));
  const work: Work[] = [];
  // A call activity reached and canceled in the same step starts nothing.
  for (const f of followUps) {
    if (f.type === 'START_CHILD' && !canceled.has(f.waitId))
      work.push({ kind: 'startChild', parent: instance, effect: f });
  }
  for (const waitId of canceled) work.push({ kind: 'cancelChild', parent: instance, waitId });
  const parent = parentOf(instance);
  for (const f of followUps) {
    if (f.type !== 'THROW_TO_PARENT' || !parent) continue;
    const command: Command = {
      type: 'THROW_AT_WAIT',
      waitId: instance.parentWaitId!,
      kind: f.kind,
      code: f.code,
      variables: {},
    };
    work.push({ kind: 'toParent', parent, child: instance, command });
  }
  if (instance.status === 'COMPLETED' && parent) {
    const command: Command = {
      type: 'CHILD_COMPLETED',
      waitId: instance.parentWaitId!,
      variables: processVariables(instance.state),
    };
    work.push({ kind: 'toParent', parent, child: instance, command });
  }
  return work;
}

/** The parent an instance's call activity started it from, as an address. */
function parentOf(instance: ProcessInstanceEntity): ProcessInstanceEntity | undefined {
  if (!instance.parentInstanceId || instance.parentWaitId === null) return undefined;
  return Object.assign(new ProcessInstanceEntity(), { id: instance.parentInstanceId });
}

/** Whether the instance's current state still has the wait (read again: steps may have run since). */
async function stillWaits(
  manager: EntityManager,
  instanceId: string,
  waitId: number,
): Promise<boolean> {
  const [row] = await preparedQuery(manager, 'SELECT * FROM process_instance WHERE id = $1', [
    instanceId,
  ]);
  const current = row && entityFromRow(manager, ProcessInstanceEntity, row);
  return current?.status === 'ACTIVE' && current.state.tokens.some((token) => token.id === waitId);
}

/** The latest version of the called process, or the pinned one; NOT_FOUND names both. */
async function calledDefinition(
  manager: EntityManager,
  start: Extract<FollowUp, { type: 'START_CHILD' }>,
): Promise<ProcessDefinitionEntity | null> {
  return manager.findOne(ProcessDefinitionEntity, {
    where:
      start.version === undefined
        ? { key: start.processKey }
        : { key: start.processKey, version: start.version },
    order: { version: 'DESC' },
  });
}
