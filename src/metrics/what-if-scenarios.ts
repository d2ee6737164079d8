import { DAY_MS } from '../simulation/calendar-days';
import type { ProcessModel } from '../bpmn/model';
import { compileBpmn } from '../bpmn/compile';
import { AppError, notFound } from '../errors';
import type { WhatIfResult } from '../simulation/inputs';
import { simulateInWorkers } from '../simulation/worker';
import { definitionById } from '../store/definitions';
import type { Store } from '../store/store';
import { agencyExists } from '../store/tasks';
import { whatIfInputs, type StaffOverride } from './what-if';

/** The longest a what-if plays, and the longest past it observes. */
export const MAX_WEEKS = 26;
export const MAX_OBSERVED_WEEKS = 52;
export const MAX_OFFICERS = 50;

export interface ScenarioRequest {
  processDefinitionId?: string;
  bpmnXml?: string;
  staffing?: StaffOverride[];
}

export interface ForecastRequest {
  agencyCode: string;
  scenarios: ScenarioRequest[];
  weeks: number;
  observedWeeks: number;
  seed: number;
  now: Date;
}

/**
 * Plays each scenario over the coming weeks from now, side by side in worker threads with the
 * same seed, from what the agency did with the procedure over the past weeks.
 */
export async function forecast(
  store: Store,
  request: ForecastRequest,
): Promise<{ model: ProcessModel; result: WhatIfResult }[]> {
  if (!(await agencyExists(store, request.agencyCode)))
    throw notFound('Agency', request.agencyCode, { field: 'agencyCode' });
  const models = await Promise.all(
    request.scenarios.map((scenario, index) =>
      scenarioModel(store, scenario, `scenarios.${index}`),
    ),
  );
  request.scenarios.forEach((scenario, index) =>
    checkStaffing(models[index], scenario.staffing ?? [], `scenarios.${index}.staffing`),
  );
  const observedFrom = new Date(request.now.getTime() - request.observedWeeks * 7 * DAY_MS);
  const inputs = await Promise.all(
    request.scenarios.map((scenario, index) =>
      whatIfInputs(store, {
        agencyCode: request.agencyCode,
        model: models[index],
        observedFrom,
        observedTo: request.now,
        start: request.now,
        weeks: request.weeks,
        seed: request.seed,
        staffing: scenario.staffing,
      }),
    ),
  );
  const results = await simulateInWorkers(inputs);
  return results.map((result, index) => ({ model: models[index], result }));
}

/** A deployed version, or a draft's first executable process: exactly one of them. */
async function scenarioModel(
  store: Store,
  scenario: ScenarioRequest,
  field: string,
): Promise<ProcessModel> {
  if ((scenario.processDefinitionId === undefined) === (scenario.bpmnXml === undefined)) {
    throw new AppError('BAD_USER_INPUT', `Give either a processDefinitionId or a bpmnXml`, {
      field,
    });
  }
  if (scenario.processDefinitionId !== undefined) {
    return (await scenarioVersion(store, scenario.processDefinitionId, field)).model;
  }
  const draft = `${field}.bpmnXml`;
  let processes;
  try {
    ({ processes } = await compileBpmn(scenario.bpmnXml as string));
  } catch (error) {
    if (error instanceof AppError && error.details.field === undefined)
      throw new AppError(error.code, error.message, { ...error.details, field: draft });
    throw error;
  }
  if (processes.length === 0) {
    throw new AppError('BPMN_INVALID', 'The draft has no executable process to simulate', {
      field: draft,
    });
  }
  return processes[0];
}

/** A deployed version by id; one there is not names the scenario's field. */
async function scenarioVersion(store: Store, id: string, field: string) {
  try {
    return await definitionById(store, id);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      throw new AppError(error.code, error.message, {
        ...error.details,
        field: `${field}.processDefinitionId`,
      });
    throw error;
  }
}

/** A role set by hand must be one a step of the procedure goes to, once, staffed 0 to 50. */
function checkStaffing(model: ProcessModel, staffing: StaffOverride[], field: string): void {
  const roles = new Set(
    Object.values(model.nodes).flatMap((node) =>
      node.type === 'userTask' ? (node.candidateGroups ?? []) : [],
    ),
  );
  const seen = new Set<string>();
  staffing.forEach(({ role, officers }, index) => {
    if (seen.has(role)) {
      throw new AppError('BAD_USER_INPUT', `The role '${role}' is staffed twice: give it once`, {
        field: `${field}.${index}.role`,
      });
    }
    seen.add(role);
    if (!roles.has(role)) {
      throw new AppError(
        'BAD_USER_INPUT',
        `No step of '${model.key}' goes to the role '${role}' (its roles: ${[...roles].sort().join(', ')})`,
        { field: `${field}.${index}.role` },
      );
    }
    if (!Number.isInteger(officers) || officers < 0 || officers > MAX_OFFICERS) {
      throw new AppError('BAD_USER_INPUT', `A role has from 0 to ${MAX_OFFICERS} officers`, {
        field: `${field}.${index}.officers`,
      });
    }
  });
}
