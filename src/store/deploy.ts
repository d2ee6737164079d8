import { lockName } from './sql';
import type { Store } from './store';
import { createHash, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { officeCalendar } from './calendars';
import { scheduleTimerStarts } from './start-timers';
import { undeployedForms } from './step-forms';
import { compileBpmn } from '../bpmn/compile';
import type { Problem } from '../errors';
import type { ProcessModel } from '../bpmn/model';
import {
  DecisionDefinitionEntity,
  DeploymentEntity,
  MessageStartEntity,
  ProcessDefinitionEntity,
} from './entities';

export interface DeployResult {
  deployment: DeploymentEntity;
  /** The definitions the file holds: new versions, or the existing ones where nothing changed. */
  definitions: ProcessDefinitionEntity[];
  warnings: Problem[];
  /** False when every process of the file was already deployed with exactly this content. */
  changed: boolean;
}

/**
 * Deploys a BPMN file. Each executable process whose latest version came from different content
 * gets a new version; deploying the same content again changes nothing. The file is compiled
 * before anything is written, so an invalid file leaves the database as it was.
 */
export async function deployBpmn(
  store: Store,
  bpmnXml: string,
  options: { source?: string; now: Date },
): Promise<DeployResult> {
  const { processes, warnings } = await compileBpmn(bpmnXml);
  const contentHash = createHash('sha256').update(bpmnXml).digest('hex');

  return store.transaction(async ({ manager }) => {
    // Deployments are rare: one at a time keeps version numbers gap-free and unique.
    await lockName(manager, 'tthc:deploy');
    const deployment = manager.create(DeploymentEntity, {
      id: randomUUID(),
      source: options.source ?? null,
      bpmnXml,
      contentHash,
      deployedAt: options.now,
    });
    warnings.push(...(await formWarnings(manager, processes)));
    warnings.push(...(await calledProcessWarnings(manager, processes, warnings)));
    warnings.push(...(await decisionWarnings(manager, processes)));
    const definitions: ProcessDefinitionEntity[] = [];
    const created: ProcessDefinitionEntity[] = [];
    for (const model of processes) {
      const latest = await manager.findOne(ProcessDefinitionEntity, {
        where: { key: model.key },
        order: { version: 'DESC' },
      });
      const latestDeployment =
        latest && (await manager.findOneBy(DeploymentEntity, { id: latest.deploymentId }));
      if (latest && latestDeployment?.contentHash === contentHash) {
        definitions.push(latest);
        continue;
      }
      const definition = manager.create(ProcessDefinitionEntity, {
        id: randomUUID(),
        key: model.key,
        version: (latest?.version ?? 0) + 1,
        name: model.name ?? null,
        procedureCode: model.procedureCode ?? null,
        deploymentId: deployment.id,
        model,
        deployedAt: options.now,
      });
      definitions.push(definition);
      created.push(definition);
    }
    if (created.length === 0) {
      const existing = await manager.findOneByOrFail(DeploymentEntity, {
        id: definitions[0].deploymentId,
      });
      return { deployment: existing, definitions, warnings, changed: false };
    }
    await manager.insert(DeploymentEntity, deployment);
    await manager.insert(ProcessDefinitionEntity, created);
    // Only the latest version of a process starts by message, signal or timer: it replaces the older ones.
    for (const definition of created) {
      await manager.delete(MessageStartEntity, { key: definition.key });
      const starts = startRows(definition);
      if (starts.length > 0) await manager.insert(MessageStartEntity, starts);
      await scheduleTimerStarts(manager, definition, options.now, await officeCalendar(manager));
    }
    return { deployment, definitions, warnings, changed: true };
  });
}

/** How the latest version of a process may start other than by a client: messages, signals, conditions. */
function startRows(definition: ProcessDefinitionEntity): MessageStartEntity[] {
  const { model } = definition;
  return [
    ...model.messageStarts.map((start) => ({
      kind: 'message' as const,
      elementId: start.elementId,
      messageName: start.messageName,
    })),
    ...(model.signalStarts ?? []).map((start) => ({
      kind: 'signal' as const,
      elementId: start.elementId,
      messageName: start.signalName,
    })),
    // Found by kind; the condition itself is read from the model when evaluated.
    ...(model.conditionalStarts ?? []).map((start) => ({
      kind: 'conditional' as const,
      elementId: start.elementId,
      messageName: start.elementId,
    })),
  ].map((start) => ({ ...start, definitionId: definition.id, key: definition.key }));
}

/**
 * A task naming a form nobody deployed still runs (the page asks for the fields the process
 * needs), but the designer should know: deploy the form first, or fix its name.
 */
async function formWarnings(
  manager: EntityManager,
  processes: readonly ProcessModel[],
): Promise<Problem[]> {
  const tasksByForm = new Map<string, string>();
  for (const model of processes) {
    for (const node of Object.values(model.nodes)) {
      if (node.formKey && isFormId(node.formKey)) tasksByForm.set(node.formKey, node.id);
    }
  }
  const missing = await undeployedForms(manager, [...tasksByForm.keys()]);
  return missing.map((formId) => ({
    message: `'${tasksByForm.get(formId)}' names the form '${formId}', which is not deployed`,
    elementId: tasksByForm.get(formId),
    rule: 'engine/form',
  }));
}

/**
 * A call activity whose process is neither in the file nor deployed would stop a dossier there:
 * the designer is told at deploy (the file may still go first, its callee after).
 */
async function calledProcessWarnings(
  manager: EntityManager,
  processes: readonly ProcessModel[],
  known: readonly Problem[],
): Promise<Problem[]> {
  const inFile = new Set(processes.map((model) => model.key));
  const warnings: Problem[] = [];
  for (const node of processes.flatMap((model) => Object.values(model.nodes))) {
    const key = node.call?.processKey;
    if (!key || inFile.has(key) || known.some((w) => w.elementId === node.id)) continue;
    if (await manager.existsBy(ProcessDefinitionEntity, { key })) continue;
    warnings.push({
      message: `Call activity '${node.id}' calls the process '${key}', which is not deployed: deploy it before a dossier gets there`,
      elementId: node.id,
      rule: 'engine/called-process',
    });
  }
  return warnings;
}

/** A business rule task whose decision is not deployed would stop a dossier there. */
async function decisionWarnings(
  manager: EntityManager,
  processes: readonly ProcessModel[],
): Promise<Problem[]> {
  const warnings: Problem[] = [];
  for (const node of processes.flatMap((model) => Object.values(model.nodes))) {
    const key = node.decision?.decisionId;
    if (!key || (await manager.existsBy(DecisionDefinitionEntity, { key }))) continue;
    warnings.push({
      message: `Business rule task '${node.id}' evaluates the decision '${key}', which is not deployed: deploy its DMN file before a dossier gets there`,
      elementId: node.id,
      rule: 'engine/decision',
    });
  }
  return warnings;
}

/** Camunda 7 form keys such as `embedded:app:forms/x.html` name pages, not deployed forms. */
function isFormId(formKey: string): boolean {
  return !formKey.includes('/') && !/^(embedded|app|deployment|camunda-forms):/.test(formKey);
}
