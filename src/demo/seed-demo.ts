import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { createAgency, createOfficer } from '../auth/officers';
import type { Variables } from '../engine/types';
import { AgencyEntity, ProcessDefinitionEntity } from '../store/entities';
import { startInstance } from '../store/start-instance';
import { claimTask, completeTask, openTasksOf } from '../store/tasks';
import { DEMO_AGENCIES, DEMO_COMMUNE, DEMO_OFFICERS, DEMO_PASSWORD } from './demo-commune';

/**
 * Seeds the demo commune once (nothing if its agency exists already): the agencies, an officer
 * per role with backups, and a handful of birth registrations at different steps, worked by the
 * demo officers through the same store calls the API makes.
 */
export async function seedDemo(
  dataSource: DataSource,
  now: Date,
  logger: Logger,
): Promise<boolean> {
  if (await dataSource.getRepository(AgencyEntity).findOneBy({ code: DEMO_COMMUNE })) {
    logger.info({ agency: DEMO_COMMUNE }, 'demo commune already seeded');
    return false;
  }
  for (const agency of DEMO_AGENCIES) await createAgency(dataSource, { ...agency, now });
  for (const officer of DEMO_OFFICERS) {
    await createOfficer(dataSource, {
      ...officer,
      password: DEMO_PASSWORD,
      roles: officer.roles.map(([role, kind]) => ({ role, kind })),
      now,
    });
  }
  const dossiers = await seedDossiers(dataSource, now);
  logger.warn(
    { officers: DEMO_OFFICERS.length, dossiers },
    'demo commune seeded: sign in as one of its officers (README, "Demo commune"); never on a real database',
  );
  return true;
}

/**
 * Where each demo dossier stops: the steps done, with the variables each sets; a step marked
 * `claimOnly` is taken by its officer and left in their hands.
 */
const DOSSIER_PLANS: { step: string; by: string; variables?: Variables; claimOnly?: true }[][] = [
  // Just received at the desk.
  [],
  // Complete, with the civil status officer, who has claimed it.
  [
    { step: 'Task_Receive', by: 'le.tiepnhan' },
    { step: 'Task_Check', by: 'tran.hotich', claimOnly: true },
  ],
  // Checked and complete: waiting for the chairman's signature.
  [
    { step: 'Task_Receive', by: 'le.tiepnhan' },
    { step: 'Task_Check', by: 'tran.hotich', variables: { complete: true } },
  ],
  // Papers missing: back at the desk for the citizen to complete.
  [
    { step: 'Task_Receive', by: 'le.tiepnhan' },
    { step: 'Task_Check', by: 'tran.hotich', variables: { complete: false } },
  ],
  // Signed and returned.
  [
    { step: 'Task_Receive', by: 'le.tiepnhan' },
    { step: 'Task_Check', by: 'tran.hotich', variables: { complete: true } },
    { step: 'Task_Sign', by: 'nguyen.chutich' },
    { step: 'Task_ReturnResult', by: 'le.tiepnhan' },
  ],
];

async function seedDossiers(dataSource: DataSource, now: Date): Promise<number> {
  const deployed = await dataSource
    .getRepository(ProcessDefinitionEntity)
    .existsBy({ key: 'birth-registration' });
  if (!deployed) return 0;
  const day = now.toISOString().slice(2, 10).replaceAll('-', '');
  for (const [index, plan] of DOSSIER_PLANS.entries()) {
    const instance = await startInstance(dataSource, {
      key: 'birth-registration',
      businessKey: `000.00.06.H56-${day}-${String(index + 1).padStart(4, '0')}`,
      variables: {},
      actor: 'le.tiepnhan',
      agency: DEMO_COMMUNE,
      now,
    });
    for (const { step, by, variables, claimOnly } of plan) {
      const task = (await openTasksOf(dataSource, instance.id)).find((t) => t.elementId === step);
      if (!task) throw new Error(`demo dossier ${index + 1}: no open ${step}`);
      await claimTask(dataSource, { taskId: task.id, assignee: by, now });
      if (claimOnly) continue;
      await completeTask(dataSource, {
        taskId: task.id,
        variables: variables ?? {},
        actor: by,
        now,
      });
    }
  }
  return DOSSIER_PLANS.length;
}
