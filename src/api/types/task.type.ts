import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { TaskState as StoredTaskState } from '../../store/entities';

/** The GraphQL enum over the store's task states; `satisfies` keeps the two lists equal. */
export const TaskState = {
  OPEN: 'OPEN',
  CLAIMED: 'CLAIMED',
  COMPLETED: 'COMPLETED',
  CANCELED: 'CANCELED',
} as const satisfies { [S in StoredTaskState]: S };
export type TaskState = StoredTaskState;
registerEnumType(TaskState, { name: 'TaskState' });

@ObjectType({ description: 'A user task in an officer inbox (nhiệm vụ).' })
export class Task {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The BPMN user task id.' })
  elementId!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => [String], { description: 'The roles (vai trò) that may take the task.' })
  candidateGroups!: string[];

  @Field(() => [String], {
    description: 'Officers who may take the task by name, besides its roles.',
  })
  candidateUsers!: string[];

  @Field(() => String, { nullable: true })
  assignee!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The form to show when completing the task.',
  })
  formKey!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The agency (cơ quan) whose officers do this step.',
  })
  agency!: string | null;

  @Field(() => Boolean, {
    description: 'A step that signs the result (ký duyệt): only a leader completes it.',
  })
  needsSignature!: boolean;

  @Field(() => TaskState)
  state!: TaskState;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the step is due, from its budget (tthc:stepDuration); moved by clock pauses.',
  })
  dueAt!: Date | null;

  @Field(() => Boolean, { description: 'The step ran past its due time.' })
  overdue!: boolean;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  claimedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the task was completed or canceled.' })
  endedAt!: Date | null;

  @Field(() => String, { nullable: true })
  completedBy!: string | null;

  /** Not a field: resolves `processInstance`. */
  instanceId!: string;
}

@InputType()
export class TaskFilter {
  @Field(() => String, { nullable: true, description: 'Tasks this role may take.' })
  candidateGroup?: string;

  @Field(() => String, { nullable: true, description: 'Tasks this officer may take by name.' })
  candidateUser?: string;

  @Field(() => String, { nullable: true })
  assignee?: string;

  @Field(() => TaskState, { nullable: true })
  state?: TaskState;

  @Field(() => String, { nullable: true })
  processDefinitionKey?: string;

  @Field(() => String, { nullable: true, description: 'The dossier code (mã hồ sơ).' })
  businessKey?: string;

  @Field(() => ID, { nullable: true })
  processInstanceId?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only overdue tasks, or only those not.' })
  overdue?: boolean;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

@ObjectType()
export class TaskEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Task)
  node!: Task;
}

@ObjectType({ description: 'A page of tasks in creation order (Relay connection).' })
export class TaskConnection {
  @Field(() => [TaskEdge])
  edges!: TaskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Counted only when the query asks for it. */
  @Field(() => Int, { description: 'How many tasks match the filter, on all pages.' })
  totalCount?: number;
}

@ObjectType({
  description:
    'A value a step asks for on completion when no form is attached: a variable the conditions after it compare.',
})
export class TaskFormField {
  @Field(() => String, { description: 'The process variable.' })
  name!: string;

  @Field(() => String, { description: 'BOOLEAN, NUMBER or TEXT.' })
  type!: string;
}
