import { complainedOf, feedbackOf, recordedInputs } from '../store/figures/service-index';
import type { Store } from '../store/store';
import { listDefinitions } from '../store/definitions';
import { ServiceIndexInputEntity } from '../store/entities';
import { dossierMetrics, type Measure, type MetricsRow } from '../store/figures/dossier-metrics';
import { progressOf, sumRows } from './summary';
import {
  GROUPS,
  INDICATORS,
  pointsFor,
  RECORDED_INDICATORS,
  type GroupId,
  type IndicatorId,
  type IndicatorSpec,
  type ObservedIndicator,
} from './indicators';

export interface IndicatorScore {
  id: IndicatorId;
  name: string;
  max: number;
  /** OBSERVED: counted from the dossiers; RECORDED: entered by an administrator. */
  source: 'OBSERVED' | 'RECORDED';
  /** For RECORDED: whether an administrator entered it for this period. */
  recorded: boolean;
  numerator: number | null;
  denominator: number | null;
  ratio: number | null;
  points: number;
}

export interface GroupScore {
  id: GroupId;
  name: string;
  max: number;
  points: number;
  indicators: IndicatorScore[];
}

export interface ServiceIndex {
  agencyCode: string;
  from: string;
  to: string;
  points: number;
  groups: GroupScore[];
}

type Fraction = { numerator: number | null; denominator: number | null; ratio: number | null };

const fraction = (numerator: number, denominator: number): Fraction => ({
  numerator,
  denominator,
  ratio: denominator > 0 ? numerator / denominator : null,
});

/**
 * The 766 service index of an agency for the dossiers received in a period: what the dossiers
 * show, from the same figures as `dossierMetrics`, with what an administrator recorded for the
 * rest. Scored as the public dashboard scores it (see indicators.ts).
 */
export async function serviceIndex(
  store: Store,
  agencyCode: string,
  period: { from: string; to: string },
  now: Date,
): Promise<ServiceIndex> {
  const [index] = await serviceIndexes(store, [agencyCode], period, now);
  return index;
}

/**
 * The index of several agencies at once, in the order asked: each source (the rollup, the
 * feedback, the complaints, the recorded indicators) is read once for them all, and each agency
 * scored from its own rows by `scoreIndex`.
 */
export async function serviceIndexes(
  store: Store,
  agencyCodes: string[],
  period: { from: string; to: string },
  now: Date,
): Promise<ServiceIndex[]> {
  const units = agencyCodes.map((code) => ({ code, members: [code] }));
  return (await unitIndexes(store, units, period, now)).map((scored) => scored.index);
}

/**
 * Agencies scored as one: an agency on its own (`members` itself), or a province with every
 * agency under it. What an administrator recorded is the unit's own agency's.
 */
export interface ScoredUnit {
  code: string;
  members: string[];
}

/**
 * The index of each unit, in the order asked, with its figures as a whole. A unit of several
 * agencies is scored from their dossiers together, procedure by procedure, as if one agency had
 * received them all (a procedure paid online anywhere in it counts once).
 */
export async function unitIndexes(
  store: Store,
  units: ScoredUnit[],
  period: { from: string; to: string },
  now: Date,
): Promise<{ index: ServiceIndex; whole: MetricsRow }[]> {
  if (units.length === 0) return [];
  const agencyCodes = [...new Set(units.flatMap((unit) => unit.members))];
  const unitCodes = units.map((unit) => unit.code);
  const filter = { ...period, agencyCodes };
  const [procedures, definitions, feedback, complained, inputs] = await Promise.all([
    dossierMetrics(store, filter, ['AGENCY', 'PROCEDURE', 'FIELD'], now),
    listDefinitions(store),
    feedbackOf(store, agencyCodes, period, now),
    complainedOf(store, agencyCodes, period),
    recordedInputs(store, unitCodes, period),
  ]);
  const fullOnline = new Set(
    definitions.filter((d) => d.model.onlineService === 'full').map((d) => d.key),
  );
  const rowsOf = new Map<string, MetricsRow[]>();
  for (const row of procedures) {
    const code = row.group.agencyCode!;
    const rows = rowsOf.get(code) ?? [];
    rows.push(row);
    rowsOf.set(code, rows);
  }
  return units.map(({ code, members }) => {
    const rows = members.flatMap((member) => rowsOf.get(member) ?? []);
    const byProcedure = members.length === 1 ? rows : sumByProcedure(rows);
    const index = scoreIndex(code, period, {
      procedures: byProcedure,
      fullOnline,
      feedback: members.reduce(
        (sum, member) => {
          const { due, onTime } = feedback.get(member) ?? { due: 0, onTime: 0 };
          return { due: sum.due + due, onTime: sum.onTime + onTime };
        },
        { due: 0, onTime: 0 },
      ),
      complained: members.reduce((sum, member) => sum + (complained.get(member) ?? 0), 0),
      inputs: inputs.filter((input) => input.agencyCode === code),
    });
    return { index, whole: sumRows(rows, { agencyCode: code }) };
  });
}

/** Several agencies' rows summed procedure by procedure (and field). */
function sumByProcedure(rows: MetricsRow[]): MetricsRow[] {
  const groups = new Map<string, MetricsRow[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.group.procedureKey, row.group.field]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()].map((same) =>
    sumRows(same, { procedureKey: same[0].group.procedureKey, field: same[0].group.field }),
  );
}

/** What one agency's index is scored from. */
interface IndexFigures {
  /** Its dossiers' figures, a row per procedure and field. */
  procedures: MetricsRow[];
  /** The procedures offered fully online (their keys). */
  fullOnline: Set<string>;
  feedback: { due: number; onTime: number };
  /** Dossiers that drew feedback or a "not satisfied" rating. */
  complained: number;
  /** What an administrator recorded for it and the period. */
  inputs: ServiceIndexInputEntity[];
}

/** Scores one agency's index from its figures. */
function scoreIndex(
  agencyCode: string,
  period: { from: string; to: string },
  { procedures, fullOnline, feedback, complained, inputs }: IndexFigures,
): ServiceIndex {
  const sum = (rows: MetricsRow[], measure: Measure) =>
    rows.reduce((total, row) => total + row.counts[measure], 0);
  const all = procedures;
  // The progress of every procedure, as dossierMetrics gives it (untimed dossiers left out).
  const progress = all.map(progressOf);
  const total = (key: keyof ReturnType<typeof progressOf>) =>
    progress.reduce((sum, p) => sum + p[key], 0);
  const handled = total('timed');
  const withinTime = total('onTime');
  const late = total('late');
  const eligible = all.filter((row) => fullOnline.has(row.group.procedureKey ?? ''));
  const certification = all.filter((row) => row.group.field === 'certification');
  const withFees = all.filter((row) => row.counts.with_fee > 0);
  const received = sum(all, 'received');
  const receptionRatio =
    handled > 0 && received > 0 ? Math.max(0, 1 - (late / handled + complained / received)) : null;

  const observed: Record<ObservedIndicator, Fraction> = {
    // Received dossiers whose latest status the portal acknowledged (see pushDueStatuses).
    PORTAL_SYNCHRONIZED: fraction(sum(all, 'synchronized'), received),
    ON_TIME: fraction(withinTime, handled),
    FULL_ONLINE: fraction(sum(eligible, 'online_full'), sum(eligible, 'received')),
    PROCEDURES_PAID_ONLINE: fraction(
      withFees.filter((row) => row.counts.cashless > 0).length,
      withFees.length,
    ),
    DOSSIERS_PAID_ONLINE: fraction(sum(all, 'cashless'), sum(all, 'with_fee')),
    ELECTRONIC_RESULTS: fraction(sum(all, 'electronic_results'), sum(all, 'returned')),
    DIGITIZED: fraction(sum(all, 'digitized'), received),
    ELECTRONIC_COPIES: fraction(
      sum(certification, 'with_electronic_copies'),
      sum(certification, 'returned'),
    ),
    REUSE: fraction(sum(all, 'reused'), received),
    FEEDBACK_ON_TIME: fraction(feedback.onTime, feedback.due),
    RECEPTION_SATISFIED: { numerator: null, denominator: null, ratio: receptionRatio },
  };
  const score = (spec: IndicatorSpec): IndicatorScore => {
    const input = inputs.find((row) => row.indicator === spec.id);
    // What an administrator recorded stands; an indicator the system can also observe (the
    // portal's acknowledgements, from when it pushes) is observed where nothing was recorded.
    const isRecorded =
      (RECORDED_INDICATORS as readonly string[]).includes(spec.id) &&
      (input !== undefined || !(spec.id in observed));
    const value: Fraction = isRecorded
      ? input
        ? fraction(input.numerator, input.denominator)
        : { numerator: null, denominator: null, ratio: null }
      : observed[spec.id as ObservedIndicator];
    // The feedback indicators earn full points when no feedback came.
    const none = spec.fullWhenNone && feedback.due === 0;
    return {
      id: spec.id,
      name: spec.name,
      max: spec.max,
      source: isRecorded ? 'RECORDED' : 'OBSERVED',
      recorded: isRecorded ? input !== undefined : false,
      ...value,
      points: none ? spec.max : pointsFor(spec, value.ratio),
    };
  };
  const groups = GROUPS.map((group) => {
    const indicators = INDICATORS.filter((spec) => spec.group === group.id).map(score);
    return { ...group, indicators, points: indicators.reduce((t, i) => t + i.points, 0) };
  });
  return {
    agencyCode,
    ...period,
    groups,
    points: groups.reduce((total, group) => total + group.points, 0),
  };
}
