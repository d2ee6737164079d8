import { DAY_MS } from '../simulation/calendar-days';
import type { ProcessModel } from '../bpmn/model';
import type { WhatIfInputs, Staffing } from '../simulation/inputs';
import { officeCalendar } from '../store/calendars';
import type { Store } from '../store/store';
import { observedInputs, staffingOf } from '../store/what-if-inputs';

/** A role's officers set by hand: how many, in place of those the agency has. */
export interface StaffOverride {
  role: string;
  officers: number;
}

/** Which office, what it is observed over, and which weeks to play. */
export interface WhatIfRequest {
  agencyCode: string;
  model: ProcessModel;
  observedFrom: Date;
  observedTo: Date;
  start: Date;
  weeks: number;
  seed: number;
  staffing?: StaffOverride[];
}

/**
 * Everything a what-if needs, read from the database as the office is: the agency's calendar,
 * what was observed of the procedure (by its key, over every version: a draft is judged by the
 * work of the steps it keeps), its officers and their absences within the weeks played.
 */
export async function whatIfInputs(store: Store, request: WhatIfRequest): Promise<WhatIfInputs> {
  const calendar = (await officeCalendar(store)).forAgency(request.agencyCode);
  const end = new Date(request.start.getTime() + request.weeks * 7 * DAY_MS);
  const [observed, staffing] = await Promise.all([
    observedInputs(store, calendar, {
      procedureKey: request.model.key,
      agencyCode: request.agencyCode,
      from: request.observedFrom,
      to: request.observedTo,
    }),
    staffingOf(store, calendar, request.agencyCode, request.start, end),
  ]);
  return {
    model: request.model,
    calendar,
    observed,
    staffing: withOverrides(staffing, request.staffing ?? []),
    start: request.start.toISOString(),
    weeks: request.weeks,
    seed: request.seed,
  };
}

/**
 * A role set to n officers keeps its first n (with their absences) and, beyond those it has,
 * gains officers named after the role who are never away. Each of them works this procedure the
 * role's observed share of their time (Observed.roleShares), as the role's officers did: n is
 * the officers on this procedure's work at that share, not n officers on it full time.
 */
export function withOverrides(staffing: Staffing, overrides: StaffOverride[]): Staffing {
  const officers = { ...staffing.officers };
  for (const { role, officers: count } of overrides) {
    const have = officers[role] ?? [];
    officers[role] = Array.from({ length: count }, (_, k) => have[k] ?? `${role}#${k + 1}`);
  }
  return { officers, absences: staffing.absences };
}
