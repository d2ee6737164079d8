import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Variables } from '../../engine/types';

@ObjectType({
  description: 'A service task’s work, taken by an external worker (or a handler of the server).',
})
export class Job {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The job type the worker asked for.' })
  type!: string;

  @Field(() => String, { description: 'The service or send task.' })
  elementId!: string;

  @Field(() => ID)
  processInstanceId!: string;

  @Field(() => Int)
  retries!: number;

  @Field(() => String, { nullable: true })
  lockedBy!: string | null;

  @Field(() => Date, { nullable: true })
  lockedUntil!: Date | null;

  @Field(() => String, { nullable: true, description: 'What the last failure said.' })
  errorMessage!: string | null;

  @Field(() => GraphQLJSON, { description: 'The variables the task sees.' })
  variables!: Variables;
}
