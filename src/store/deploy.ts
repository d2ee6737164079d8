import { createHash, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { officeCalendar } from './calendars';
import { scheduleTimerStarts } from './start-timers';
import { compileBpmn } from '../bpmn/compile';
import type { Problem } from '../errors';
import { DeploymentEntity, MessageStartEntity, ProcessDefinitionEntity } from './entities';

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
  dataSource: DataSource,
  bpmnXml: string,
  options: { source?: string; now: Date },
): Promise<DeployResult> {
  const { processes, warnings } = await compileBpmn(bpmnXml);
  const contentHash = createHash('sha256').update(bpmnXml).digest('hex');

  return dataSource.transaction(async (manager) => {
    // Deployments are rare: one at a time keeps version numbers gap-free and unique.
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('tthc:deploy'))");
    const deployment = manager.create(DeploymentEntity, {
      id: randomUUID(),
      source: options.source ?? null,
      bpmnXml,
      contentHash,
      deployedAt: options.now,
    });
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
    // Only the latest version of a process starts by message or timer: it replaces the older ones.
    for (const definition of created) {
      await manager.delete(MessageStartEntity, { key: definition.key });
      const starts = definition.model.messageStarts.map((start) => ({
        definitionId: definition.id,
        elementId: start.elementId,
        key: definition.key,
        messageName: start.messageName,
      }));
      if (starts.length > 0) await manager.insert(MessageStartEntity, starts);
      await scheduleTimerStarts(manager, definition, options.now, await officeCalendar(manager));
    }
    return { deployment, definitions, warnings, changed: true };
  });
}
