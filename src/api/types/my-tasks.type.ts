import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { PageInfo, TaskEdge, TaskState } from './task.type';

@ObjectType({ description: "Counts over the officer's inbox, whatever the page." })
export class TaskCounts {
  @Field(() => Int, { description: 'Open tasks I may claim.' })
  open!: number;

  @Field(() => Int)
  claimedByMe!: number;

  @Field(() => Int, { description: 'Tasks I may act on that are due before midnight.' })
  dueToday!: number;

  @Field(() => Int)
  overdue!: number;
}

@ObjectType({ description: 'The tasks I can act on, soonest due first (Relay connection).' })
export class MyTaskConnection {
  @Field(() => [TaskEdge])
  edges!: TaskEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;

  @Field(() => TaskCounts)
  counts!: TaskCounts;
}

@InputType()
export class MyTaskFilter {
  @Field(() => TaskState, { nullable: true, description: 'OPEN or CLAIMED.' })
  state?: TaskState;

  @Field(() => Boolean, { nullable: true })
  overdue?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Due by the end of today (overdue ones too), as the dueToday count.',
  })
  dueToday?: boolean;

  @Field(() => Boolean, { nullable: true, description: 'The tasks I hold, as claimedByMe.' })
  claimedByMe?: boolean;

  @Field(() => String, {
    nullable: true,
    description: "Part of the dossier code or of the applicant's name.",
  })
  search?: string;

  @Field(() => String, { nullable: true, description: "The procedure's process key." })
  procedureKey?: string;
}
