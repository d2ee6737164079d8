import { isWorkingTimeText, parseWorkingDuration } from '../calendar/working-duration';
import { isDuration } from '../engine/iso-time';
import type { Findings } from './compile';
import type { ProcessModel } from './model';

/**
 * The procedure's statutory time must be working time (`15 working days`): it is what the law
 * sets and what the appointment slip says. A step's budget is working time, or ISO 8601 calendar
 * time (`P2D`). Either mistake would only show when a dossier arrives; here it shows at deploy.
 */
export function checkDurations(model: ProcessModel, findings: Findings): void {
  const statutory = model.statutoryDuration;
  if (statutory !== undefined && !isWorkingTimeText(statutory)) {
    findings.invalid(
      `Process '${model.key}' has tthc:statutoryDuration '${statutory}': write working time such as '3 working days' or '4 working hours'`,
      model.key,
      'engine/duration',
    );
  }
  for (const node of Object.values(model.nodes)) {
    const budget = node.stepDuration;
    if (budget === undefined) continue;
    const valid = isWorkingTimeText(budget) ? parseWorkingDuration(budget) : isDuration(budget);
    if (!valid) {
      findings.invalid(
        `User task '${node.id}' has tthc:stepDuration '${budget}': write working time ('2 working days') or an ISO 8601 duration ('P2D')`,
        node.id,
        'engine/duration',
      );
    }
  }
}
