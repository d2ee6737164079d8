import { DEFAULT_CALENDAR } from '../../../../src/calendar/defaults';
import type { Effect } from '../../../../src/engine/types';
import { planEffects } from '../../../../src/store/pipeline/plan/plan-effects';
import type { OpenTask, PlanContext } from '../../../../src/store/pipeline/plan/write-plan';

/** Monday 2 March 2026, 09:00 in Hà Nội: inside office hours. */
export const NOW = new Date('2026-03-02T02:00:00Z');

/** Plans effects for instance "i-1" with counted ids (id-1, id-2, …) and what was "read". */
export function plan(
  effects: Effect[],
  read: { openTasks?: [number, OpenTask][]; agencies?: [string, string | null][] } = {},
) {
  let next = 0;
  const context: PlanContext = {
    instanceId: 'i-1',
    now: NOW,
    calendar: DEFAULT_CALENDAR,
    openTasks: new Map(read.openTasks ?? []),
    agencies: new Map(read.agencies ?? []),
    newId: () => `id-${++next}`,
  };
  return planEffects(effects, context);
}
