import type { DataSource, EntityManager } from 'typeorm';
import type { TestApi } from './api';
import { bpmnProcess } from './bpmn';
import { workNextTask } from './dossiers';

/** How a fixture dossier ends: resolved early, on time or late, or still open (within time). */
export type FixtureOutcome = 'EARLY' | 'ON_TIME' | 'LATE' | 'OPEN';

export interface FixtureDossier {
  /** The office's local date it is received on (at 08:00). */
  day: string;
  outcome: FixtureOutcome;
  /** The procedure, by key (a one-step one, see oneStepProcedure): `fixture-certificate` unless said. */
  procedureKey?: string;
  channel?: 'IN_PERSON' | 'ONLINE_FULL' | 'ONLINE_PARTIAL' | 'AT_HOME';
  digitized?: boolean;
  /** Its papers reuse an earlier dossier's digitized ones. */
  reused?: boolean;
  /** Fees of 8,000 đồng assessed at reception and paid there, in cash or by QR (cashless). */
  fee?: 'CASH' | 'QR';
  /** Electronic certified copies handed over with the result (the result is returned then). */
  electronicCopies?: number;
  /** How the result is handed back once ready (none: it waits at the desk). */
  returned?: 'AT_DESK' | 'AT_HOME' | 'BY_POST' | 'ONLINE';
}

export interface FixtureOffice {
  agencyCode: string;
  reception: string;
  processing: string;
  dossiers: FixtureDossier[];
  /**
   * For the seeds of tens of thousands: the dossiers alike received on the same day are built
   * once through the API, and the others copied from that one in SQL, row for row (see
   * copyDossier). Open dossiers are always built one by one.
   */
  bulk?: boolean;
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
 * Spreads dossiers evenly over the weekdays (Monday to Friday) of a period, in order: a seed's
 * table becomes a list of dossiers to build. `monthly`: over the first Monday of each month only,
 * for the seeds built in bulk (the fewer days, the fewer dossiers built through the API; see
 * FixtureOffice.bulk).
 */
export function spread(
  from: string,
  to: string,
  groups: { count: number; dossier: Omit<FixtureDossier, 'day'> }[],
  options: { monthly?: boolean } = {},
): FixtureDossier[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`);) {
    const weekday = day.getUTCDay();
    if (options.monthly ? weekday === 1 && day.getUTCDate() <= 7 : weekday !== 0 && weekday !== 6) {
      days.push(day.toISOString().slice(0, 10));
    }
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
 * left. Events run in time order, those at the same instant side by side. An office in bulk has
 * the rest of each kind of a day copied from the one built (see copyDossier).
 */
export async function buildFixtures(
  api: TestApi,
  clock: { now: Date },
  offices: FixtureOffice[],
): Promise<void> {
  const queue: Event[] = [];
  const copies: { code: string; count: number }[] = [];
  for (const office of offices) {
    // Each dossier built, or in bulk one of each kind a day, and the rest copied from it.
    const builds: { dossier: FixtureDossier; count: number }[] = [];
    const alike = new Map<string, { dossier: FixtureDossier; count: number }>();
    for (const dossier of office.dossiers) {
      const key = JSON.stringify(dossier);
      const same = office.bulk && dossier.outcome !== 'OPEN' ? alike.get(key) : undefined;
      if (same) {
        same.count += 1;
      } else {
        const build = { dossier, count: 1 };
        builds.push(build);
        if (office.bulk) alike.set(key, build);
      }
    }
    for (const { dossier, count } of builds) {
      queue.push({
        at: Date.parse(`${dossier.day}T01:00:00Z`),
        run: async () => {
          const code = await receive(api, office, dossier, queue, clock);
          if (count > 1) copies.push({ code, count: count - 1 });
        },
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
  // Once every dossier built is finished: the copies, two at a time.
  for (let i = 0; i < copies.length; i += 2) {
    await Promise.all(
      copies
        .slice(i, i + 2)
        .map(({ code, count }) => copyDossier(api.database.dataSource, code, count)),
    );
  }
}

async function receive(
  api: TestApi,
  office: FixtureOffice,
  dossier: FixtureDossier,
  queue: Event[],
  clock: { now: Date },
): Promise<string> {
  const receivedAt = clock.now.getTime();
  const { receiveDossier } = await api.ok<{
    receiveDossier: { code: string; appointmentAt: string };
  }>(
    `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code appointmentAt } }`,
    {
      input: {
        procedureKey: dossier.procedureKey ?? 'fixture-certificate',
        channel: dossier.channel ?? 'IN_PERSON',
        ...(dossier.fee && { feeAmount: 8000 }),
        ...(dossier.returned && { resultDelivery: dossier.returned }),
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
  if (dossier.fee) {
    await api.ok(
      `mutation ($code: String!, $method: PaymentMethod!) { recordPayment(code: $code, amount: 8000, method: $method) { code } }`,
      { code: receiveDossier.code, method: dossier.fee },
      office.reception,
    );
  }
  const appointment = Date.parse(receiveDossier.appointmentAt);
  const resolveAt = {
    EARLY: receivedAt + 2 * 3_600_000,
    ON_TIME: appointment - 10 * 60_000,
    LATE: appointment + 2 * 3_600_000,
    OPEN: undefined,
  }[dossier.outcome];
  if (resolveAt === undefined) return receiveDossier.code;
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
      } else if (dossier.returned) {
        await api.ok(
          `mutation ($code: String!, $method: ResultReturnMethod!) { returnResult(code: $code, method: $method) { code } }`,
          { code: receiveDossier.code, method: dossier.returned },
          office.reception,
        );
      }
    },
  });
  return receiveDossier.code;
}

/**
 * Copies a finished dossier `count` times in one transaction: its dossier, process instance,
 * steps, history, forms and payments, row for row as the engine wrote them, each copy under the
 * next code of its day (the day's counter moved on) and new ids. The rollups count the copies
 * through their own triggers: the dossier's as each is inserted, the steps' as each copied step
 * completes.
 */
export async function copyDossier(dataSource: DataSource, code: string, count: number) {
  const [, prefix, day] = /^(.*)-(\d{6})-\d+$/.exec(code)!;
  await dataSource.transaction(async (manager) => {
    const [template] = (await manager.query(
      `SELECT d.instance_id, i.status,
              (SELECT count(*) FROM job WHERE instance_id = i.id)
            + (SELECT count(*) FROM message_subscription WHERE instance_id = i.id)
            + (SELECT count(*) FROM incident WHERE instance_id = i.id)
            + (SELECT count(*) FROM dossier_feedback WHERE dossier_code = d.code)
            + (SELECT count(*) FROM task_hand_on h JOIN task t ON t.id = h.task_id
                WHERE t.instance_id = i.id) AS others
         FROM dossier d JOIN process_instance i ON i.id = d.instance_id WHERE d.code = $1`,
      [code],
    )) as { instance_id: string; status: string; others: string }[];
    if (template.status !== 'COMPLETED' || Number(template.others) > 0) {
      throw new Error(`dossier ${code} is not finished, or has rows a copy would leave out`);
    }
    const [[{ last }]] = (await manager.query(
      `UPDATE dossier_sequence SET last = last + $3 WHERE agency_code = $1 AND day = $2
       RETURNING last`,
      [prefix, day, count],
    )) as [{ last: number }[], number];
    await manager.query(
      `CREATE TEMPORARY TABLE copy_of ON COMMIT DROP AS
       SELECT n, $1 || '-' || repeat('0', greatest(0, 4 - length(s))) || s AS code,
              gen_random_uuid() AS instance_id
         FROM generate_series(1, $3::int) n, LATERAL (SELECT ($2::int - $3::int + n)::text AS s) x`,
      [`${prefix}-${day}`, last, count],
    );
    await manager.query(
      `CREATE TEMPORARY TABLE task_copy ON COMMIT DROP AS
       SELECT c.n, t.id AS old_id, gen_random_uuid() AS id, t.state
         FROM copy_of c, task t WHERE t.instance_id = $1`,
      [template.instance_id],
    );
    // $1 the template's instance, $2 its code, $3 its code as a JSON string.
    const params: [string, string, string] = [template.instance_id, code, JSON.stringify(code)];
    const renamed = (column: string) =>
      `replace(t.${column}::text, $3, to_jsonb(c.code)::text)::jsonb`;
    await copyRows(manager, 'process_instance', params, {
      from: `process_instance t, copy_of c WHERE t.id = $1`,
      set: { id: 'c.instance_id', business_key: 'c.code', state: renamed('state') },
    });
    // Copied open, then completed: the step rollup counts each as the engine's commit does.
    await copyRows(manager, 'task', params, {
      from: `task t JOIN task_copy k ON k.old_id = t.id JOIN copy_of c ON c.n = k.n`,
      set: {
        id: 'k.id',
        instance_id: 'c.instance_id',
        state: `CASE WHEN t.state = 'COMPLETED' THEN 'CLAIMED' ELSE t.state END`,
      },
      skip: ['seq'],
    });
    await manager.query(
      `UPDATE task SET state = 'COMPLETED'
        WHERE id IN (SELECT id FROM task_copy WHERE state = 'COMPLETED')`,
    );
    await copyRows(manager, 'history_event', params, {
      from: `history_event t CROSS JOIN copy_of c
             LEFT JOIN task_copy k ON k.old_id = t.task_id AND k.n = c.n
             WHERE t.instance_id = $1 ORDER BY c.n, t.id`,
      set: { instance_id: 'c.instance_id', task_id: 'k.id' },
      skip: ['id'],
    });
    await copyRows(manager, 'dossier', params, {
      from: `dossier t, copy_of c WHERE t.code = $2`,
      set: {
        code: 'c.code',
        instance_id: 'c.instance_id',
        submission_id: `t.submission_id || '-' || c.n`,
      },
    });
    for (const table of ['dossier_form', 'dossier_payment']) {
      await copyRows(manager, table, params, {
        from: `${table} t, copy_of c WHERE t.dossier_code = $2`,
        set: {
          id: 'gen_random_uuid()',
          dossier_code: 'c.code',
          ...(table === 'dossier_form' && { content: renamed('content') }),
        },
      });
    }
  });
}

/** `INSERT INTO table SELECT` every column of the table, as it is or as `set` says. */
async function copyRows(
  manager: EntityManager,
  table: string,
  params: [string, string, string],
  copy: { from: string; set: Record<string, string>; skip?: string[] },
): Promise<void> {
  const columns = (
    (await manager.query(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    )) as { column_name: string }[]
  )
    .map((row) => row.column_name)
    .filter((column) => !copy.skip?.includes(column));
  // Every parameter typed, whether this copy reads it or not.
  await manager.query(
    `WITH template AS (SELECT $1::uuid AS instance_id, $2::text AS code, $3::text AS json_code)
     INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')})
     SELECT ${columns.map((c) => copy.set[c] ?? `t."${c}"`).join(', ')} FROM ${copy.from}`,
    params,
  );
}
