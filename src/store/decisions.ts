import { lockName } from './sql';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ProcessModel } from '../bpmn/model';
import { compileDmn } from '../bpmn/dmn/compile-dmn';
import type { DecisionModel } from '../bpmn/dmn/decision-model';
import { evaluateDecision } from '../engine/decision-table';
import type { DecisionEvaluator } from '../engine/execution';
import { AppError, type Problem } from '../errors';
import { DecisionDefinitionEntity } from './entities';
import type { Store } from './store';

export interface DecisionDeployment {
  /** Each decision of the file: a new version, or the latest one when its content is the same. */
  decisions: DecisionDefinitionEntity[];
  warnings: Problem[];
  changed: boolean;
}

/**
 * Deploys a DMN file: each decision whose latest version came from other content gets a new
 * version. Compiled before anything is written, so an invalid file changes nothing.
 */
export async function deployDmn(
  store: Store,
  dmnXml: string,
  options: { source?: string; now: Date },
): Promise<DecisionDeployment> {
  const { decisions, warnings } = await compileDmn(dmnXml);
  const contentHash = createHash('sha256').update(dmnXml).digest('hex');
  return store.transaction(async ({ manager }) => {
    // Serialized with process deployments, so version numbers stay gap-free and unique.
    await lockName(manager, 'tthc:deploy');
    const deployed: DecisionDefinitionEntity[] = [];
    let changed = false;
    for (const model of decisions) {
      const latest = await latestDecision(manager, model.id);
      if (latest?.contentHash === contentHash) {
        deployed.push(latest);
        continue;
      }
      const row: DecisionDefinitionEntity = {
        id: randomUUID(),
        key: model.id,
        version: (latest?.version ?? 0) + 1,
        name: model.name ?? null,
        model,
        dmnXml,
        contentHash,
        source: options.source ?? null,
        deployedAt: options.now,
      };
      await manager.insert(DecisionDefinitionEntity, row);
      deployed.push(row);
      changed = true;
    }
    return { decisions: deployed, warnings, changed };
  });
}

function latestDecision(manager: EntityManager, key: string, version?: number) {
  return manager.findOne(DecisionDefinitionEntity, {
    where: version === undefined ? { key } : { key, version },
    order: { version: 'DESC' },
  });
}

/**
 * What a step needs to evaluate its business rule tasks: the decisions the process names, read
 * before the (synchronous) engine runs. A process without business rule tasks reads nothing.
 */
export async function decisionsFor(
  manager: EntityManager,
  model: ProcessModel,
): Promise<DecisionEvaluator | undefined> {
  const wanted = Object.values(model.nodes).flatMap((node) =>
    node.decision ? [node.decision] : [],
  );
  if (wanted.length === 0) return undefined;
  // Each decision once, however many tasks name it.
  const found = new Map<string, DecisionModel>();
  const keys = new Map(wanted.map((d) => [`${d.decisionId}@${d.version ?? ''}`, d]));
  for (const [key, { decisionId, version }] of keys) {
    const row = await latestDecision(manager, decisionId, version);
    if (row) found.set(key, row.model);
  }
  return (decision, elementId, variables) => {
    const model = found.get(`${decision.decisionId}@${decision.version ?? ''}`);
    if (!model) {
      throw new AppError(
        'DECISION_NOT_FOUND',
        `'${elementId}' evaluates the decision '${decision.decisionId}'${decision.version ? ` version ${decision.version}` : ''}, which is not deployed`,
        { elementId, decisionId: decision.decisionId },
      );
    }
    try {
      return evaluateDecision(model, variables);
    } catch (error) {
      if (error instanceof AppError) error.details.elementId ??= elementId;
      throw error;
    }
  };
}

/** Every version of a decision, the latest first. */
export function decisionVersions(store: Store, key: string): Promise<DecisionDefinitionEntity[]> {
  return store.manager.find(DecisionDefinitionEntity, {
    where: { key },
    order: { version: 'DESC' },
  });
}
