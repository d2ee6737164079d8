import type { DataSource } from 'typeorm';
import { definitionById } from '../store/definitions';
import { DossierEntity, HistoryEventEntity, ProcessInstanceEntity } from '../store/entities';
import { openTasksOf } from '../store/tasks';

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

/**
 * The dossier's progress for the citizen who holds its receipt: the code and the last four
 * digits of the phone given at reception must both match. Null when they do not, exactly as for
 * a code that does not exist, so that a wrong pair tells nothing.
 */
export async function publicDossierStatus(
  dataSource: DataSource,
  code: string,
  phoneLast4: string,
): Promise<PublicDossierStatus | null> {
  const dossier = await dataSource.getRepository(DossierEntity).findOneBy({ code });
  const phone = dossier?.applicant.phone;
  if (!dossier || !phone || !/^\d{4}$/.test(phoneLast4) || !phone.endsWith(phoneLast4)) {
    return null;
  }
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
    late:
      instance.overdue ||
      (dossier.finishedAt !== null &&
        instance.dueAt !== null &&
        dossier.finishedAt > instance.dueAt),
    stepsDone: completed.map((event) => ({ name: nameOf(event.elementId), at: event.at })),
    currentSteps: open.map((task) => task.name ?? nameOf(task.elementId)),
  };
}
