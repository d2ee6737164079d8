import type { DataSource } from 'typeorm';
import { definitionById } from '../store/definitions';
import { HistoryEventEntity, ProcessInstanceEntity, type DossierEntity } from '../store/entities';
import { openTasksOf } from '../store/tasks';
import { isLate } from './late';

/** What anyone holding the receipt may know of a dossier: its progress, nothing personal. */
export interface PublicDossierStatus {
  code: string;
  procedureName: string | null;
  procedureCode: string | null;
  statusCode: number;
  receivedAt: Date;
  appointmentAt: Date | null;
  late: boolean;
  stepsDone: { name: string; at: Date }[];
  currentSteps: string[];
}

/** The dossier's progress for the citizen who proved it is theirs (see citizensDossier). */
export async function publicDossierStatus(
  dataSource: DataSource,
  dossier: DossierEntity,
  now: Date,
): Promise<PublicDossierStatus> {
  const { code } = dossier;
  const [definition, instance, completed] = await Promise.all([
    definitionById(dataSource.manager, dossier.definitionId),
    dataSource.getRepository(ProcessInstanceEntity).findOneByOrFail({ id: dossier.instanceId }),
    dataSource.getRepository(HistoryEventEntity).find({
      where: {
        instanceId: dossier.instanceId,
        eventType: 'ELEMENT_COMPLETED',
        elementType: 'userTask',
      },
      order: { id: 'ASC' },
    }),
  ]);
  const nameOf = (elementId: string) => definition.model.nodes[elementId]?.name ?? elementId;
  const open = instance.status === 'ACTIVE' ? await openTasksOf(dataSource, instance.id) : [];
  return {
    code,
    procedureName: definition.name,
    procedureCode: definition.procedureCode,
    statusCode: dossier.statusCode,
    receivedAt: dossier.receivedAt,
    appointmentAt: instance.dueAt,
    late: isLate(dossier, now),
    stepsDone: completed.map((event) => ({ name: nameOf(event.elementId), at: event.at })),
    currentSteps: open.map((task) => task.name ?? nameOf(task.elementId)),
  };
}
