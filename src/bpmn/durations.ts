import {
  NO_STATUTORY_TIME,
  isWorkingTimeText,
  parseWorkingDuration,
} from '../calendar/working-duration';
import { isDuration } from '../calendar/iso-time';
import type { Findings } from './findings';
import type { ProcessModel } from './model';

/**
 * The procedure's statutory time must be working time (`15 working days`): it is what the law
 * sets and what the appointment slip says. A step's budget is working time, or ISO 8601 calendar
 * time (`P2D`). Either mistake would only show when a dossier arrives; here it shows at deploy.
 */
export function checkDurations(model: ProcessModel, findings: Findings): void {
  const statutory = model.statutoryDuration;
  if (statutory === NO_STATUTORY_TIME) {
    findings.warn(
      `Process '${model.key}' says the law sets it no statutory time (tthc:statutoryDuration="none"): its dossiers get no appointment and are counted apart, neither on time nor late`,
      model.key,
      'engine/no-statutory-time',
    );
  } else if (statutory === undefined && model.procedureCode !== undefined) {
    findings.warn(
      `Procedure ${model.procedureCode} ('${model.key}') has no tthc:statutoryDuration: write the time the law sets ('3 working days'), or "none" when it sets none; until then its dossiers are counted apart`,
      model.key,
      'engine/no-statutory-time',
    );
  } else if (statutory !== undefined && !isWorkingTimeText(statutory)) {
    findings.invalid(
      `Process '${model.key}' has tthc:statutoryDuration '${statutory}': write working time such as '3 working days' or '4 working hours'`,
      model.key,
      'engine/duration',
    );
  }
  const nodes = Object.values(model.nodes);
  if (model.procedureCode !== undefined && !nodes.some((node) => node.resultReady)) {
    findings.warn(
      `Procedure ${model.procedureCode} ('${model.key}') marks no element tthc:resultReady="true" (where the result reaches the one-stop desk, e.g. the "Trả kết quả" step): its dossiers are judged only when the process completes`,
      model.key,
      'engine/result-ready',
    );
  }
  for (const node of nodes) {
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
