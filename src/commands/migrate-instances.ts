import type { Logger } from 'pino';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { planMigration } from '../engine/migration';
import { checkMigrationPlan } from '../engine/migration-plan';
import { type ElementMapping, mapped } from '../engine/migration-refusals';
import { AppError } from '../errors';
import { officeCalendar } from '../store/calendars';
import {
  definitionVersion,
  migrateInstance,
  type RunningInstance,
  runningInstancesOf,
  type VersionMove,
} from '../store/migrate-instance';
import type { ProcessDefinitionEntity } from '../store/entities';
import type { Store } from '../store/store';
import { MAX_REASON_LENGTH } from './repair';

/**
 * Migrating the running instances of one version of a procedure to another (chuyển phiên bản):
 * a dry run that says what each would become and which cannot move, then the move itself, batch
 * by batch, each instance in its own transaction. Designers and administrators (the policy).
 */

/** How many instances a page reads, and the most refused instances a dry run lists. */
export const MIGRATION_PAGE = 200;
export const MAX_LISTED_REFUSALS = 1000;

export interface MigrationRequest {
  key: string;
  fromVersion: number;
  toVersion: number;
  mapping: readonly { from: string; to: string }[];
}

/**
 * Why an instance cannot move: a refusal of the plan (ELEMENT_REMOVED, ...), or the error opening
 * a wait of the target raised (EXPRESSION_FAILED for a correlation key or timer that fails).
 */
export interface InstanceRefusal {
  code: string;
  elementId: string;
  message: string;
}

export interface RefusedInstance {
  instanceId: string;
  businessKey: string | null;
  refusals: InstanceRefusal[];
}

export interface MigrationPreview {
  /** Running instances of the source version. */
  instances: number;
  movable: number;
  refusedCount: number;
  /** Where the waiting tokens of movable instances go: by source and target element. */
  byElement: { fromElementId: string; toElementId: string; instances: number }[];
  /** The refused instances, the first MAX_LISTED_REFUSALS (refusedCount says how many in all). */
  refused: RefusedInstance[];
}

export interface MigrationReport {
  migrated: number;
  /** Moved or ended by someone else meanwhile. */
  skipped: number;
  refusedCount: number;
  refused: RefusedInstance[];
}

interface Plan {
  source: ProcessDefinitionEntity;
  target: ProcessDefinitionEntity;
  mapping: ElementMapping;
}

/** The two versions, and the mapping checked against them: a mistake changes nothing. */
async function planOf(store: Store, request: MigrationRequest): Promise<Plan> {
  const mapping: Record<string, string> = {};
  for (const [index, { from, to }] of request.mapping.entries()) {
    if (Object.hasOwn(mapping, from)) {
      throw new AppError('BAD_USER_INPUT', `'${from}' is mapped twice`, {
        elementId: from,
        field: `mapping[${index}]`,
      });
    }
    mapping[from] = to;
  }
  const source = await definitionVersion(store, request.key, request.fromVersion, 'fromVersion');
  const target = await definitionVersion(store, request.key, request.toVersion, 'toVersion');
  checkMigrationPlan(
    { model: source.model, version: source.version },
    { model: target.model, version: target.version },
    request.mapping,
  );
  return { source, target, mapping };
}

/** What the migration would do to every running instance of the source version; writes nothing. */
export async function previewMigration(
  store: Store,
  request: MigrationRequest,
  now: Date = new Date(),
): Promise<MigrationPreview> {
  const plan = await planOf(store, request);
  const calendar = await officeCalendar(store);
  const preview: MigrationPreview = {
    instances: 0,
    movable: 0,
    refusedCount: 0,
    byElement: [],
    refused: [],
  };
  const counts = new Map<string, number>();
  for (let after: string | null = null; ;) {
    const page = await runningInstancesOf(store, plan.source.id, after, MIGRATION_PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    for (const instance of page) {
      preview.instances += 1;
      const refusals = dryRun(plan, instance, calendar.forAgency(instance.agency), now);
      if (refusals.length > 0) {
        noteRefused(preview, { ...instance, instanceId: instance.id, refusals });
        continue;
      }
      preview.movable += 1;
      for (const from of new Set(instance.state.tokens.map((t) => t.elementId))) {
        const key = `${from}\n${mapped(plan.mapping, from)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  preview.byElement = [...counts]
    .map(([key, instances]) => {
      const [fromElementId, toElementId] = key.split('\n');
      return { fromElementId, toElementId, instances };
    })
    .sort((a, b) => a.fromElementId.localeCompare(b.fromElementId));
  return preview;
}

/** The migration planned as it would run, without the store: why the instance cannot move. */
function dryRun(
  plan: Plan,
  instance: RunningInstance,
  calendar: WorkingCalendar,
  now: Date,
): InstanceRefusal[] {
  try {
    const outcome = planMigration({
      source: plan.source.model,
      target: plan.target.model,
      mapping: plan.mapping,
      state: instance.state,
      now: now.toISOString(),
      calendar,
      reason: '',
    });
    return outcome.migrated ? [] : outcome.refusals;
  } catch (error) {
    return [refusalOf(error, plan.source.key)];
  }
}

/**
 * An error moving one instance: it stays, and is listed. A target expression that fails is named
 * by its code; anything else (the database failing midway) is `MOVE_FAILED`, logged but not shown,
 * so that the run goes on and its count of what moved is not lost.
 */
function refusalOf(error: unknown, processKey: string, logger?: Logger): InstanceRefusal {
  if (!(error instanceof AppError)) {
    logger?.error({ err: error, processKey }, 'moving an instance to another version failed');
    return {
      code: 'MOVE_FAILED',
      elementId: processKey,
      message: 'The move failed and the instance stays on its version; the server log says why',
    };
  }
  return {
    code: error.code,
    elementId: error.details.elementId ?? processKey,
    message: error.message,
  };
}

/**
 * Moves every running instance of the source version that can move, `batchSize` at a time,
 * each in its own transaction under its lock; the refused stay where they are and are listed.
 * Run again, it picks up the instances still on the source version.
 */
export async function migrateInstances(
  store: Store,
  request: MigrationRequest & {
    reason?: string;
    by: string;
    now: Date;
    batchSize?: number;
    logger?: Logger;
  },
): Promise<MigrationReport> {
  const batchSize = request.batchSize ?? MIGRATION_PAGE;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MIGRATION_PAGE) {
    throw new AppError('BAD_USER_INPUT', `'batchSize' must be 1 to ${MIGRATION_PAGE}`, {
      field: 'batchSize',
    });
  }
  const { source, target, mapping } = await planOf(store, request);
  const move: VersionMove = {
    source,
    target,
    mapping,
    actor: request.by,
    reason: historyReason(source, target, request.reason),
    now: request.now,
  };
  const report: MigrationReport = { migrated: 0, skipped: 0, refusedCount: 0, refused: [] };
  for (let after: string | null = null; ;) {
    const page = await runningInstancesOf(store, source.id, after, batchSize);
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    for (const instance of page) {
      const refused = (refusals: InstanceRefusal[]) =>
        noteRefused(report, { ...instance, instanceId: instance.id, refusals });
      try {
        const moved = await migrateInstance(store, instance.id, move);
        if (moved.outcome === 'MIGRATED') report.migrated += 1;
        else if (moved.outcome === 'SKIPPED') report.skipped += 1;
        else refused(moved.refusals);
      } catch (error) {
        refused([refusalOf(error, source.key, request.logger)]);
      }
    }
  }
  return report;
}

/**
 * The history's reason, the versions named before the administrator's: refused when the whole
 * would not fit the history's 500 characters, rather than cut.
 */
function historyReason(
  source: ProcessDefinitionEntity,
  target: ProcessDefinitionEntity,
  reason: string | undefined,
): string {
  const prefix = `${source.key} v${source.version} → v${target.version}`;
  const note = reason?.trim();
  const whole = note ? `${prefix}: ${note}` : prefix;
  const room = MAX_REASON_LENGTH - [...prefix].length - 2;
  if ([...whole].length > MAX_REASON_LENGTH) {
    throw new AppError(
      'BAD_USER_INPUT',
      `'reason' must be at most ${room} characters here: the history writes it after '${prefix}: '`,
      { field: 'reason' },
    );
  }
  return whole;
}

function noteRefused(
  into: { refusedCount: number; refused: RefusedInstance[] },
  refused: RefusedInstance,
): void {
  into.refusedCount += 1;
  if (into.refused.length < MAX_LISTED_REFUSALS) {
    into.refused.push({
      instanceId: refused.instanceId,
      businessKey: refused.businessKey,
      refusals: refused.refusals,
    });
  }
}
