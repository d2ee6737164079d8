import type { DossierChannel, DossierEntity, SubmittedComponent } from '../store/entities';
import type { ProcessModel } from '../bpmn/model';
import type { WorkingCalendar } from '../calendar/working-calendar';
import { shiftDate } from '../calendar/statutory-holidays';
import { claimTask, completeTask } from '../commands/tasks';
import { receiveDossier } from '../dossier/receive';
import { requestSupplement, submitSupplement } from '../dossier/supplement';
import { recordPayment } from '../dossier/payment';
import { returnResult } from '../dossier/close';
import { officeCalendar } from '../store/calendars';
import { listDefinitions } from '../store/definitions';
import { openTasksOf } from '../store/tasks';
import type { Store } from '../store/store';
import { DEMO_AGENCIES, DEMO_COMMUNE } from './demo-commune';
import { applicantOf } from './applicants';
import { officerFor } from './officers-at-work';
import { Random } from './random';

/**
 * The shape of the demo's past, after Xuân Hòa's one-stop centre (July – November 2025: every
 * dossier digitized, 3,341 of 3,366 early or on time, one late), at a fifth of its volume so
 * that a first `npm start` stays under a minute: about 40% received online (Xuân Tây's
 * 39.42%), a fifth of the fees paid without cash (its 20.21%), a few papers asked for, a few
 * dossiers kept too long.
 */
export const DEMO_HISTORY = {
  months: 4,
  perWorkingDay: 7,
  seed: 2025,
  online: 0.4,
  cashless: 0.2,
  /** Every so many dossiers, one whose papers are asked for, one kept too long. */
  supplementEvery: 50,
  lateEvery: 200,
} as const;

/** The procedures the demo's citizens ask for, by how often (their steps need no form). */
const PROCEDURES: readonly (readonly [string, number])[] = [
  ['birth-registration', 26],
  ['certified-copy', 24],
  ['civil-status-extract-copy', 14],
  ['signature-attestation', 10],
  ['marital-status-certificate', 10],
  ['marriage-registration', 7],
  ['death-registration', 4],
  ['joint-birth-residence-insurance', 5],
];

/** What the application form says, where the procedure's fee rule reads it. */
function formOf(key: string, random: Random): Record<string, number> {
  if (key === 'certified-copy')
    return { copies: random.between(1, 4), pages: random.between(1, 6) };
  if (key === 'civil-status-extract-copy') return { copies: random.between(1, 3) };
  if (key === 'signature-attestation') return { cases: 1 };
  return {};
}

/** What an officer enters at a step, where a procedure's flow reads it. */
const STEP_VARIABLES: Record<string, Record<string, Record<string, boolean>>> = {
  'birth-registration': { Task_Check: { complete: true } },
};

/**
 * Runs months of the demo commune's dossiers through the engine, as its officers would have on
 * each working day before `now`'s: every reception, claim, completion, request for papers,
 * payment and return goes through the same calls the API makes, at simulated times, so every
 * figure (dashboard, 766 index, forms) comes out of the engine. Returns how many dossiers.
 */
export async function seedHistory(store: Store, now: Date): Promise<number> {
  const shape = DEMO_HISTORY;
  const random = new Random(shape.seed);
  const calendar = (await officeCalendar(store)).forAgency(DEMO_COMMUNE);
  const models = await deployedModels(store);
  if (models.size === 0) return 0;
  const choices = PROCEDURES.filter(([key]) => models.has(key));
  const today = calendar.localDate(now.toISOString());
  let count = 0;
  for (let day = firstDay(today, shape.months); day < today; day = shiftDate(day, 1)) {
    if (!calendar.isWorkingDay(day)) continue;
    for (const at of arrivals(calendar, day, random)) {
      const key = random.weighted(choices);
      await liveDossier(store, { calendar, random, until: now }, models.get(key)!, at, ++count);
    }
  }
  return count;
}

async function deployedModels(store: Store): Promise<Map<string, ProcessModel>> {
  const models = new Map<string, ProcessModel>();
  for (const [key] of PROCEDURES) {
    const [latest] = await listDefinitions(store, key);
    if (latest) models.set(key, latest.model);
  }
  return models;
}

/** The first day of the month `months` before today's. */
function firstDay(today: string, months: number): string {
  const [year, month] = today.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 1 - months, 1));
  return start.toISOString().slice(0, 10);
}

/** A day's arrivals at the desk: more on Mondays, fewer on Fridays, most in the morning. */
function arrivals(calendar: WorkingCalendar, day: string, random: Random): Date[] {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  const rate = DEMO_HISTORY.perWorkingDay * ([0, 1.3, 1.1, 1, 1, 0.8, 0.5][weekday] ?? 1);
  const count = Math.max(1, Math.round(rate + (random.next() - 0.5) * 4));
  const midnight = Date.parse(calendar.startOfDate(day));
  return Array.from({ length: count }, () => {
    const morning = random.chance(0.7);
    const minute = morning
      ? random.between(7 * 60 + 40, 11 * 60)
      : random.between(13 * 60 + 40, 16 * 60);
    return new Date(midnight + minute * 60_000);
  }).sort((a, b) => a.getTime() - b.getTime());
}

/** What a simulated day needs: the office's calendar, the dice, and the moment to stop at. */
interface Simulation {
  calendar: WorkingCalendar;
  random: Random;
  /** Now: what would happen after it is left undone (those dossiers are still in progress). */
  until: Date;
}

/** Thrown when a dossier's next move would be after now: it stays where it is. */
class NotYet extends Error {}

/** One dossier from the desk to the citizen's hands, or as far as it got by now. */
async function liveDossier(
  store: Store,
  sim: Simulation,
  model: ProcessModel,
  receivedAt: Date,
  index: number,
): Promise<void> {
  const { random } = sim;
  const online = random.chance(DEMO_HISTORY.online);
  const channel: DossierChannel = !online
    ? 'IN_PERSON'
    : model.onlineService === 'full'
      ? 'ONLINE_FULL'
      : 'ONLINE_PARTIAL';
  const desk = DEMO_AGENCIES[0];
  const dossier = await receiveDossier(
    store,
    {
      procedureKey: model.key,
      applicant: applicantOf(index),
      channel,
      components: papersOf(model),
      variables: formOf(model.key, random),
    },
    {
      username: 'le.tiepnhan',
      agency: { code: desk.code, name: desk.name, dossierPrefix: desk.dossierPrefix },
    },
    receivedAt,
  );
  try {
    let at = later(sim, receivedAt, 2, 6);
    if (dossier.feeAmount > 0) {
      const method = random.chance(DEMO_HISTORY.cashless) ? 'QR' : 'CASH';
      const payment = { code: dossier.code, amount: dossier.feeAmount, method } as const;
      await recordPayment(store, { ...payment, by: 'le.tiepnhan', now: at });
    }
    at = await workSteps(store, sim, model, { dossier, index }, at);
    const collected = later(sim, at, 0, 16 * 60);
    const method = online && random.chance(0.5) ? 'ONLINE' : 'AT_DESK';
    await returnResult(store, {
      code: dossier.code,
      by: 'le.tiepnhan',
      now: collected,
      result: { method, electronic: true, electronicCopies: 1 },
    });
  } catch (error) {
    if (!(error instanceof NotYet)) throw error;
  }
}

/** The officers take the steps as they come, until the result waits at the desk. */
async function workSteps(
  store: Store,
  sim: Simulation,
  model: ProcessModel,
  { dossier, index }: { dossier: DossierEntity; index: number },
  from: Date,
): Promise<Date> {
  let at = from;
  const askForPapers = index % DEMO_HISTORY.supplementEvery === 7;
  const keepTooLong = index % DEMO_HISTORY.lateEvery === 101;
  for (let round = 0; round < 20; round++) {
    const tasks = (await openTasksOf(store, dossier.instanceId)).filter(
      (t) => !model.nodes[t.elementId]?.resultReady,
    );
    if (tasks.length === 0) return at;
    for (const task of tasks) {
      at = later(sim, at, 2, 15);
      const officer = officerFor(task);
      await claimTask(store, { taskId: task.id, assignee: officer, now: at });
      if (round === 1 && askForPapers) at = await supplement(store, sim, dossier, officer, at);
      if (round === 1 && keepTooLong) at = later(sim, at, 2 * 8 * 60, 2 * 8 * 60);
      at = later(sim, at, 5, 20);
      const variables = STEP_VARIABLES[model.key]?.[task.elementId] ?? {};
      await completeTask(store, { taskId: task.id, variables, actor: officer, now: at });
    }
  }
  throw new Error(`demo dossier ${dossier.code}: its steps did not end`);
}

/** The officer finds a paper wanting (Form 02); the citizen brings it the next working day. */
async function supplement(
  store: Store,
  sim: Simulation,
  dossier: DossierEntity,
  officer: string,
  at: Date,
): Promise<Date> {
  const [paper] = dossier.components;
  await requestSupplement(store, {
    code: dossier.code,
    missing: [paper.name],
    reason: 'Bản nộp kèm chưa rõ nét, cần nộp lại bản chính',
    by: officer,
    now: at,
  });
  const back = later(sim, at, 8 * 60, 8 * 60);
  await submitSupplement(store, {
    code: dossier.code,
    components: [paper],
    by: 'le.tiepnhan',
    now: back,
  });
  return back;
}

/** Some working minutes later (between `min` and `max`); NotYet when that is after now. */
function later(sim: Simulation, at: Date, min: number, max: number): Date {
  const minutes = sim.random.between(min, max);
  const next = new Date(sim.calendar.addWorkingHours(at.toISOString(), minutes / 60));
  if (next > sim.until) throw new NotYet();
  return next;
}

/** The papers the procedure asks for, all brought and digitized. */
function papersOf(model: ProcessModel): SubmittedComponent[] {
  return model.components
    .filter((component) => !component.optional)
    .map((component) => ({
      name: component.name,
      kind: component.kind.toUpperCase() as SubmittedComponent['kind'],
      count: component.count,
      digitized: true,
    }));
}
