import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { InstanceStatus as EngineInstanceStatus } from '../../engine/types';

/** The GraphQL enum over the engine's instance statuses; `satisfies` keeps the two lists equal. */
export const InstanceStatus = {
  ACTIVE: 'ACTIVE',
  COMPLETED: 'COMPLETED',
  TERMINATED: 'TERMINATED',
} as const satisfies { [S in EngineInstanceStatus]: S };
export type InstanceStatus = EngineInstanceStatus;
registerEnumType(InstanceStatus, { name: 'InstanceStatus' });

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

  /** Not a field: the resolver reads the engine's state for variables and position. */
  definitionId!: string;
}

@ObjectType({ description: 'Something that happened in an instance (nhật ký xử lý).' })
export class HistoryEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    description:
      'PROCESS_STARTED, ELEMENT_ACTIVATED, SEQUENCE_FLOW_TAKEN, TASK_CLAIMED, TASK_UNCLAIMED, ELEMENT_COMPLETED, PROCESS_COMPLETED',
  })
  eventType!: string;

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
}
