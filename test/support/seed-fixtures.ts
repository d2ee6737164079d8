import type { TestApi } from './api';
import { bpmnProcess } from './bpmn';
import { workNextTask } from './dossiers';

/** How a fixture dossier ends: resolved early, on time or late, or still open (within time). */
export type FixtureOutcome = 'EARLY' | 'ON_TIME' | 'LATE' | 'OPEN';

export interface FixtureDossier {
  /** The office's local date it is received on (at 08:00). */
  day: string;
  outcome: FixtureOutcome;
  channel?: 'IN_PERSON' | 'ONLINE_FULL' | 'ONLINE_PARTIAL';
  digitized?: boolean;
  /** Its papers reuse an earlier dossier's digitized ones. */
  reused?: boolean;
  /** Electronic certified copies handed over with the result (the result is returned then). */
  electronicCopies?: number;
}

export interface FixtureOffice {
  agencyCode: string;
  reception: string;
  processing: string;
  dossiers: FixtureDossier[];
}

/** A procedure received at the desk, then one step (civil status), in three working days. */
export function oneStepProcedure(key: string, attributes = ''): string {
  return bpmnProcess(
    key,
    `<bpmn:startEvent id="start" />
     <bpmn:userTask id="process" name="Giải quyết" camunda:candidateGroups="civil_status" />
     <bpmn:endEvent id="end" />
     <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="process" />
     <bpmn:sequenceFlow id="b" sourceRef="process" targetRef="end" />`,
    `tthc:statutoryDuration="3 working days" ${attributes}`,
  );
}

/** The fixtures' procedure. */
export const FIXTURE_PROCEDURE = oneStepProcedure(
  'fixture-certificate',
  'tthc:field="civil_status"',
);

type Event = { at: number; run: () => Promise<void> };

/**
 * Spreads dossiers over the working days (Monday to Friday) of a period, `perDay` at most a day,
 * in order: a seed's table becomes a list of dossiers to build.
 */
export function spread(
  from: string,
  to: string,
  groups: { count: number; dossier: Omit<FixtureDossier, 'day'> }[],
): FixtureDossier[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`);) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  const all = groups.flatMap(({ count, dossier }) => Array.from({ length: count }, () => dossier));
  return all.map((dossier, index) => ({
    ...dossier,
    day: days[Math.floor((index * days.length) / all.length)],
  }));
}

/**
 * Builds the offices' dossiers through the public API, as the officers would, moving the test
 * clock: each is received at 08:00 on its day; an early one is resolved two hours later, an on
 * time one ten minutes before its appointment, a late one two hours after it; an open one is
 * left. Events run in time order, those at the same instant side by side.
 */
export async function buildFixtures(
  api: TestApi,
  clock: { now: Date },
  offices: FixtureOffice[],
): Promise<void> {
  const queue: Event[] = [];
  for (const office of offices) {
    for (const dossier of office.dossiers) {
      queue.push({
        at: Date.parse(`${dossier.day}T01:00:00Z`),
        run: () => receive(api, office, dossier, queue, clock),
      });
    }
  }
  while (queue.length > 0) {
    queue.sort((a, b) => a.at - b.at);
    const at = queue[0].at;
    const later = queue.findIndex((event) => event.at !== at);
    const batch = queue.splice(0, later === -1 ? queue.length : later);
    clock.now = new Date(at);
    for (let i = 0; i < batch.length; i += 8) {
      await Promise.all(batch.slice(i, i + 8).map((event) => event.run()));
    }
  }
}

async function receive(
  api: TestApi,
  office: FixtureOffice,
  dossier: FixtureDossier,
  queue: Event[],
  clock: { now: Date },
): Promise<void> {
  const receivedAt = clock.now.getTime();
  const { receiveDossier } = await api.ok<{
    receiveDossier: { code: string; appointmentAt: string };
  }>(
    `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code appointmentAt } }`,
    {
      input: {
        procedureKey: 'fixture-certificate',
        channel: dossier.channel ?? 'IN_PERSON',
        applicant: { name: 'Nguyễn Văn A', idNumber: '001090000001', phone: '0900000001' },
        components: [
          {
            name: 'Tờ khai',
            kind: 'ORIGINAL',
            digitized: dossier.digitized ?? false,
            ...(dossier.reused && { reusedFrom: 'KHO-DU-LIEU-CA-NHAN' }),
          },
        ],
      },
    },
    office.reception,
  );
  const appointment = Date.parse(receiveDossier.appointmentAt);
  const resolveAt = {
    EARLY: receivedAt + 2 * 3_600_000,
    ON_TIME: appointment - 10 * 60_000,
    LATE: appointment + 2 * 3_600_000,
    OPEN: undefined,
  }[dossier.outcome];
  if (resolveAt === undefined) return;
  queue.push({
    at: resolveAt,
    run: async () => {
      await workNextTask(api, receiveDossier.code, office.processing);
      if (dossier.electronicCopies) {
        await api.ok(
          `mutation ($code: String!, $copies: Int!) { returnResult(code: $code, electronic: true, electronicCopies: $copies) { code } }`,
          { code: receiveDossier.code, copies: dossier.electronicCopies },
          office.reception,
        );
      }
    },
  });
}
