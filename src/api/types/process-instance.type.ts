import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type {
  HistoryEventType as EngineHistoryEventType,
  InstanceStatus as EngineInstanceStatus,
} from '../../engine/types';

/** The GraphQL enum over the engine's instance statuses; `satisfies` keeps the two lists equal. */
export const InstanceStatus = {
  ACTIVE: 'ACTIVE',
  COMPLETED: 'COMPLETED',
  TERMINATED: 'TERMINATED',
} as const satisfies { [S in EngineInstanceStatus]: S };
export type InstanceStatus = EngineInstanceStatus;
registerEnumType(InstanceStatus, { name: 'InstanceStatus' });

/** The GraphQL enum over the engine's and the store's history event types. */
export const HistoryEventType = {
  PROCESS_STARTED: 'PROCESS_STARTED',
  PROCESS_COMPLETED: 'PROCESS_COMPLETED',
  PROCESS_TERMINATED: 'PROCESS_TERMINATED',
  ELEMENT_ACTIVATED: 'ELEMENT_ACTIVATED',
  ELEMENT_COMPLETED: 'ELEMENT_COMPLETED',
  ELEMENT_TERMINATED: 'ELEMENT_TERMINATED',
  SEQUENCE_FLOW_TAKEN: 'SEQUENCE_FLOW_TAKEN',
  MESSAGE_CORRELATED: 'MESSAGE_CORRELATED',
  TIMER_FIRED: 'TIMER_FIRED',
  MESSAGE_SENT: 'MESSAGE_SENT',
  ESCALATION_THROWN: 'ESCALATION_THROWN',
  ERROR_THROWN: 'ERROR_THROWN',
  TASK_CLAIMED: 'TASK_CLAIMED',
  TASK_UNCLAIMED: 'TASK_UNCLAIMED',
  TASK_ASSIGNED: 'TASK_ASSIGNED',
  TASK_HANDED_ON: 'TASK_HANDED_ON',
  DEADLINE_NEAR: 'DEADLINE_NEAR',
  DEADLINE_MISSED: 'DEADLINE_MISSED',
  CLOCK_PAUSED: 'CLOCK_PAUSED',
  CLOCK_RESUMED: 'CLOCK_RESUMED',
  APPOINTMENT_EXTENDED: 'APPOINTMENT_EXTENDED',
  RESULT_READY: 'RESULT_READY',
  SIGNAL_CAUGHT: 'SIGNAL_CAUGHT',
  SIGNAL_THROWN: 'SIGNAL_THROWN',
  CONDITION_MET: 'CONDITION_MET',
  COMPENSATION_STARTED: 'COMPENSATION_STARTED',
  TOKEN_MOVED: 'TOKEN_MOVED',
  STEP_CANCELED: 'STEP_CANCELED',
  INSTANCE_MIGRATED: 'INSTANCE_MIGRATED',
} as const satisfies { [T in EngineHistoryEventType]: T };
export type HistoryEventType = EngineHistoryEventType;
registerEnumType(HistoryEventType, { name: 'HistoryEventType' });

@ObjectType({ description: 'One run of a process definition, usually for one dossier (hồ sơ).' })
export class ProcessInstance {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The dossier code (mã hồ sơ).' })
  businessKey!: string | null;

  @Field(() => InstanceStatus)
  status!: InstanceStatus;

  @Field(() => Date)
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  endedAt!: Date | null;

  @Field(() => Int, { description: 'How many steps have been applied to the instance.' })
  revision!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The code of the agency that received the dossier.',
  })
  agency!: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "The appointment (hẹn trả): the procedure's statutory time in working days from reception (after 15:00, from the next working day), moved on by every clock pause.",
  })
  dueAt!: Date | null;

  @Field(() => Boolean, { description: 'The appointment passed while the dossier was open.' })
  overdue!: boolean;

  @Field(() => Date, {
    nullable: true,
    description: 'Since when the clock stands still: the dossier waits for the citizen.',
  })
  clockPausedAt!: Date | null;

  /** Not a field: the resolver reads the engine's state for variables and position. */
  definitionId!: string;
}

@ObjectType({ description: 'Something that happened in an instance (nhật ký xử lý).' })
export class HistoryEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => HistoryEventType)
  eventType!: HistoryEventType;

  @Field(() => String, { description: 'The BPMN element (or the process key for process events).' })
  elementId!: string;

  @Field(() => String, { description: 'userTask, exclusiveGateway, sequenceFlow, process, ...' })
  elementType!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String, { nullable: true, description: 'Who did it, when a person did.' })
  actor!: string | null;

  @Field(() => ID, { nullable: true })
  taskId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why an administrator did it: a token moved (TOKEN_MOVED), a step canceled (STEP_CANCELED).',
  })
  reason?: string | null;
}
