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
}
