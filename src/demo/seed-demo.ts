import type { Logger } from 'pino';
import { createAgency, createOfficer } from '../auth/officers';
import { claimTask, completeTask } from '../commands/tasks';
import type { Variables } from '../engine/types';
import { listDefinitions } from '../store/definitions';
import type { Applicant, SubmittedComponent } from '../store/entities';
import { agencyByCode } from '../store/officers';
import type { Store } from '../store/store';
import { receiveDossier } from '../dossier/receive';
import { requestSupplement } from '../dossier/supplement';
import { openTasksOf } from '../store/tasks';
import { DEMO_AGENCIES, DEMO_COMMUNE, DEMO_OFFICERS, DEMO_PASSWORD } from './demo-commune';
import { seedHistory } from './history';

/** What the demo commune starts with: nothing, today's few dossiers, or months of history too. */
export type DemoMode = 'none' | 'today' | 'history';
export const DEMO_MODES: readonly DemoMode[] = ['none', 'today', 'history'];

/**
 * Seeds the demo commune once (nothing if its agency exists already): the agencies, an officer
 * per role with backups, with `history` months of dossiers run through the engine (history.ts),
 * and a handful of today's birth registrations at different steps, worked by the demo officers
 * through the same store calls the API makes.
 */
export async function seedDemo(
  store: Store,
  now: Date,
  logger: Logger,
  mode: DemoMode = 'today',
): Promise<boolean> {
  if (mode === 'none') return false;
  if (await agencyByCode(store, DEMO_COMMUNE)) {
    logger.info({ agency: DEMO_COMMUNE }, 'demo commune already seeded');
    return false;
  }
  for (const agency of DEMO_AGENCIES) await createAgency(store, { ...agency, now });
  for (const officer of DEMO_OFFICERS) {
    await createOfficer(store, {
      ...officer,
      password: DEMO_PASSWORD,
      roles: officer.roles.map(([role, kind]) => ({ role, kind })),
      now,
    });
  }
  const started = Date.now();
  const past = mode === 'history' ? await seedHistory(store, now) : 0;
  if (past > 0) logger.info({ dossiers: past, ms: Date.now() - started }, 'demo history seeded');
  const dossiers = await seedDossiers(store, now);
  logger.warn(
    { officers: DEMO_OFFICERS.length, dossiers: dossiers + past },
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
  // Papers missing: the civil status officer asks the citizen for them (Form 02, below).
  [{ step: 'Task_Receive', by: 'le.tiepnhan' }],
  // Signed and returned.
  [
    { step: 'Task_Receive', by: 'le.tiepnhan' },
    { step: 'Task_Check', by: 'tran.hotich', variables: { complete: true } },
    { step: 'Task_Sign', by: 'nguyen.chutich' },
    { step: 'Task_ReturnResult', by: 'le.tiepnhan' },
  ],
];

const WAITING_FOR_PAPERS = 3;

/** Birth registrations received at the demo commune's desk, by the same calls the API makes. */
async function seedDossiers(store: Store, now: Date): Promise<number> {
  if ((await listDefinitions(store, 'birth-registration')).length === 0) return 0;
  const desk = DEMO_AGENCIES[0];
  const receiver = {
    username: 'le.tiepnhan',
    agency: { code: desk.code, name: desk.name, dossierPrefix: desk.dossierPrefix },
  };
  for (const [index, plan] of DOSSIER_PLANS.entries()) {
    const dossier = await receiveDossier(
      store,
      {
        procedureKey: 'birth-registration',
        applicant: DEMO_APPLICANTS[index % DEMO_APPLICANTS.length],
        channel: index % 2 === 0 ? 'IN_PERSON' : 'ONLINE_FULL',
        components: BIRTH_PAPERS,
        feeAmount: 0,
        variables: {},
      },
      receiver,
      now,
    );
    for (const { step, by, variables, claimOnly } of plan) {
      const task = (await openTasksOf(store, dossier.instanceId)).find((t) => t.elementId === step);
      if (!task) throw new Error(`demo dossier ${dossier.code}: no open ${step}`);
      await claimTask(store, { taskId: task.id, assignee: by, now });
      if (claimOnly) continue;
      await completeTask(store, {
        taskId: task.id,
        variables: variables ?? {},
        actor: by,
        now,
      });
    }
    if (index === WAITING_FOR_PAPERS) {
      await requestSupplement(store, {
        code: dossier.code,
        missing: ['Giấy chứng sinh (bản chính có xác nhận của cơ sở y tế)'],
        reason: 'Giấy chứng sinh nộp kèm là bản chụp',
        by: 'tran.hotich',
        now,
      });
    }
  }
  return DOSSIER_PLANS.length;
}

const BIRTH_PAPERS: SubmittedComponent[] = [
  { name: 'Tờ khai đăng ký khai sinh', kind: 'ORIGINAL', count: 1, digitized: true },
  {
    name: 'Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)',
    kind: 'ORIGINAL',
    count: 1,
    digitized: true,
  },
];

/** Made-up citizens: their ID numbers are not real ones. */
const DEMO_APPLICANTS: Applicant[] = [
  {
    kind: 'INDIVIDUAL',
    name: 'Nguyễn Thị Bình',
    idNumber: '001190000001',
    phone: '0912000001',
    address: 'Thôn 1',
  },
  {
    kind: 'INDIVIDUAL',
    name: 'Trần Văn Cường',
    idNumber: '001085000002',
    phone: '0912000002',
    address: 'Thôn 2',
  },
  {
    kind: 'INDIVIDUAL',
    name: 'Lê Thị Dung',
    idNumber: '001192000003',
    phone: '0912000003',
    address: 'Thôn 3',
  },
];
