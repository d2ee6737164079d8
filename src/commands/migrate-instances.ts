import { checkMigrationPlan } from '../engine/migration-plan';
import {
  type ElementMapping,
  type MigrationRefusal,
  mapped,
  migrationRefusals,
} from '../engine/migration-refusals';
import { AppError } from '../errors';
import {
  definitionVersion,
  migrateInstance,
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

export interface RefusedInstance {
  instanceId: string;
  businessKey: string | null;
  refusals: MigrationRefusal[];
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
    mapping,
  );
  return { source, target, mapping };
}

/** What the migration would do to every running instance of the source version; writes nothing. */
export async function previewMigration(
  store: Store,
  request: MigrationRequest,
): Promise<MigrationPreview> {
  const { source, target, mapping } = await planOf(store, request);
  const preview: MigrationPreview = {
    instances: 0,
    movable: 0,
    refusedCount: 0,
    byElement: [],
    refused: [],
  };
  const counts = new Map<string, number>();
  for (let after: string | null = null; ;) {
    const page = await runningInstancesOf(store, source.id, after, MIGRATION_PAGE);
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    for (const instance of page) {
      preview.instances += 1;
      const refusals = migrationRefusals(source.model, target.model, mapping, instance.state);
      if (refusals.length > 0) {
        noteRefused(preview, {
          instanceId: instance.id,
          businessKey: instance.businessKey,
          refusals,
        });
        continue;
      }
      preview.movable += 1;
      for (const from of new Set(instance.state.tokens.map((t) => t.elementId))) {
        const key = `${from}\n${mapped(mapping, from)}`;
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

/**
 * Moves every running instance of the source version that can move, `batchSize` at a time,
 * each in its own transaction under its lock; the refused stay where they are and are listed.
 * Run again, it picks up the instances still on the source version.
 */
export async function migrateInstances(
  store: Store,
  request: MigrationRequest & { reason?: string; by: string; now: Date; batchSize?: number },
): Promise<MigrationReport> {
  const { source, target, mapping } = await planOf(store, request);
  const note = request.reason?.trim().slice(0, MAX_REASON_LENGTH);
  const move: VersionMove = {
    source,
    target,
    mapping,
    actor: request.by,
    reason: `${source.key} v${source.version} → v${target.version}${note ? `: ${note}` : ''}`,
    now: request.now,
  };
  const report: MigrationReport = { migrated: 0, skipped: 0, refusedCount: 0, refused: [] };
  const batchSize = Math.min(Math.max(request.batchSize ?? MIGRATION_PAGE, 1), MIGRATION_PAGE);
  for (let after: string | null = null; ;) {
    const page = await runningInstancesOf(store, source.id, after, batchSize);
    if (page.length === 0) break;
    after = page[page.length - 1].id;
    for (const instance of page) {
      const moved = await migrateInstance(store, instance.id, move);
      if (moved.outcome === 'MIGRATED') report.migrated += 1;
      else if (moved.outcome === 'SKIPPED') report.skipped += 1;
      else noteRefused(report, { ...instance, instanceId: instance.id, refusals: moved.refusals });
    }
  }
  return report;
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
