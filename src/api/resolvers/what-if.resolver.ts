import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AppError } from '../../errors';
import {
  forecast,
  MAX_OBSERVED_WEEKS,
  MAX_WEEKS,
  type ScenarioRequest,
} from '../../metrics/what-if-scenarios';
import type { ProcessModel } from '../../bpmn/model';
import type { WhatIfResult } from '../../simulation/inputs';
import type { ApiContext } from '../context';
import { optionalId, optionalText, rangeInput } from '../inputs';
import { metricsAgency } from '../metrics-scope';
import { WhatIfForecast, WhatIfScenarioInput } from '../types/what-if.type';
import { signedIn } from './officer.resolver';

@Resolver()
export class WhatIfResolver {
  @Query(() => [WhatIfForecast], {
    description:
      "What-if: the coming weeks of a procedure at an agency (mine; administrators any), simulated from what the agency did with it over the past weeks (arrivals by weekday and hour, each step's work, each gateway's branches), with its officers and their absences on its working calendar. One or two scenarios (another version, a draft, another staffing), side by side with the same seed: the same seed gives the same answer.",
  })
  async whatIf(
    @Arg('scenarios', () => [WhatIfScenarioInput]) scenarios: WhatIfScenarioInput[],
    @Arg('weeks', () => Int, { description: 'Weeks to simulate, 1 to 26.' }) weeks: number,
    @Ctx() context: ApiContext,
    @Arg('seed', () => Int, { defaultValue: 1 }) seed: number,
    @Arg('observedWeeks', () => Int, {
      defaultValue: 12,
      description: 'Past weeks observed, 1 to 52.',
    })
    observedWeeks: number,
    @Arg('agencyCode', () => String, { nullable: true }) agencyCode?: string,
  ): Promise<WhatIfForecast[]> {
    const agency = metricsAgency(
      signedIn(context),
      optionalText(agencyCode, 'agencyCode'),
      'agencyCode',
    );
    if (scenarios.length < 1 || scenarios.length > 2) {
      throw new AppError('BAD_USER_INPUT', 'Give one scenario, or two to compare', {
        field: 'scenarios',
      });
    }
    const forecasts = await forecast(context.store, {
      agencyCode: agency,
      scenarios: scenarios.map(scenarioOf),
      weeks: rangeInput(weeks, 'weeks', 1, MAX_WEEKS),
      observedWeeks: rangeInput(observedWeeks, 'observedWeeks', 1, MAX_OBSERVED_WEEKS),
      seed: rangeInput(seed, 'seed', 0, 2 ** 31 - 1),
      now: context.now(),
    });
    return forecasts.map(({ model, result }) => forecastOf(model, result));
  }
}

function scenarioOf(input: WhatIfScenarioInput, index: number): ScenarioRequest {
  return {
    processDefinitionId: optionalId(
      input.processDefinitionId,
      `scenarios.${index}.processDefinitionId`,
    ),
    bpmnXml: input.bpmnXml ?? undefined,
    staffing: input.staffing?.map((s) => ({ role: s.role, officers: s.officers })),
  };
}

function forecastOf(model: ProcessModel, result: WhatIfResult): WhatIfForecast {
  return {
    processKey: model.key,
    observedDossiers: result.observedDossiers,
    dossiers: result.dossiers,
    results: result.results,
    resultsWithinWeeks: result.resultsWithinWeeks,
    unfinished: result.unfinished,
    failed: result.failed,
    unservedTasks: result.unservedTasks,
    timed: result.timed,
    onTimeRate: result.onTimeRate,
    timeToResultP50Hours: result.timeToResultHours.p50,
    timeToResultP90Hours: result.timeToResultHours.p90,
    steps: result.steps.map((step) => ({
      ...step,
      name: model.nodes[step.elementId]?.name ?? null,
    })),
    days: result.days,
  };
}
