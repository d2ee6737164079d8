import { LocalDateResolver } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@InputType({ description: 'A role staffed by hand in a what-if: how many officers it has.' })
export class WhatIfStaffingInput {
  @Field(() => String, { description: 'A role (candidate group) of a step of the procedure.' })
  role!: string;

  @Field(() => Int, {
    description:
      "From 0 to 50: officers on this procedure's work, each the share of their time the role's officers were seen to give it (its tasks' work over all the role's tasks at the agency).",
  })
  officers!: number;
}

@InputType({ description: 'One way of running the office: a procedure version and its staffing.' })
export class WhatIfScenarioInput {
  @Field(() => ID, { nullable: true, description: 'A deployed version; or give bpmnXml.' })
  processDefinitionId?: string;

  @Field(() => String, { nullable: true, description: 'A draft, not deployed.' })
  bpmnXml?: string;

  @Field(() => [WhatIfStaffingInput], {
    nullable: true,
    description: "Roles set by hand; the others keep the agency's officers.",
  })
  staffing?: WhatIfStaffingInput[];
}

@ObjectType({ description: 'A step on one simulated day.' })
export class WhatIfStepDay {
  @Field(() => String) elementId!: string;
  @Field(() => Int, { description: 'Tasks waiting for an officer at the end of the day.' })
  queue!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Mean working minutes (the office's calendar: nights, weekends and holidays left out) the tasks begun that day waited for an officer.",
  })
  meanWaitMinutes!: number | null;
}

@ObjectType({ description: 'One simulated day.' })
export class WhatIfDay {
  @Field(() => LocalDateResolver) date!: string;
  @Field(() => Int) arrivals!: number;
  @Field(() => Int, { description: 'Dossiers whose result reached the desk that day.' })
  results!: number;
  @Field(() => [WhatIfStepDay]) steps!: WhatIfStepDay[];
}

@ObjectType({ description: 'A step over the weeks simulated.' })
export class WhatIfStep {
  @Field(() => String) elementId!: string;
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => Float, { description: 'Tasks waiting at the end of a day, on average.' })
  meanQueue!: number;
  @Field(() => Int) maxQueue!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Mean working minutes (the office's calendar) a task waited for an officer, over the weeks.",
  })
  meanWaitMinutes!: number | null;
}

@ObjectType({ description: 'What a scenario predicts over the weeks simulated.' })
export class WhatIfForecast {
  @Field(() => String, { description: 'The process key of the version simulated.' })
  processKey!: string;
  @Field(() => Int, {
    nullable: true,
    description:
      'Dossiers of the procedure the agency received in the weeks observed: 0 when it has no history there, and the forecast rests on nothing seen (no dossier arrives).',
  })
  observedDossiers!: number | null;
  @Field(() => Int, { description: 'Dossiers that arrived within the weeks.' })
  dossiers!: number;
  @Field(() => Int, {
    description:
      'Of them, those whose result reached the desk: after the weeks the office goes on with no new arrival until each is done (at most 52 weeks more).',
  })
  results!: number;
  @Field(() => Int, {
    description: 'Of them, those whose result reached the desk within the weeks.',
  })
  resultsWithinWeeks!: number;
  @Field(() => Int, {
    description: 'Still open 52 weeks after the weeks: stuck, or far behind (counted late).',
  })
  unfinished!: number;
  @Field(() => Int, {
    description:
      'Failed where they stood: the engine refused a command (other than a timer or message whose wait was gone), or their steps or signals ran on in a loop. Counted late when timed.',
  })
  failed!: number;
  @Field(() => Int, {
    description:
      "Tasks no officer could do: their first candidate group held by none of the run's officers (a role staffed with 0), or no group and assigned to none of the agency's officers. Their dossiers stay unfinished.",
  })
  unservedTasks!: number;
  @Field(() => Int, {
    description: 'Dossiers with an appointment (their procedure has a statutory time).',
  })
  timed!: number;
  @Field(() => Float, {
    nullable: true,
    description:
      "Early or on time among the timed dossiers, from 0 to 1, by the product's own rule (as dossierMetrics counts resolved dossiers): the result ready by the appointment, late when sent back for papers more than once; an unfinished one is late.",
  })
  onTimeRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description:
      'Half the results within this many working hours of arrival, over all arrivals that got one.',
  })
  timeToResultP50Hours!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Nine in ten results within this many working hours of arrival.',
  })
  timeToResultP90Hours!: number | null;
  @Field(() => [WhatIfStep]) steps!: WhatIfStep[];
  @Field(() => [WhatIfDay]) days!: WhatIfDay[];
}
