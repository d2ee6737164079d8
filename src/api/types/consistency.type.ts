import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One thing in the store that does not agree with the rest.' })
export class Inconsistency {
  @Field(() => String, {
    description:
      'The check that found it: task-without-token, token-without-task, timer-without-job, job-without-timer, message-wait-missing, message-row-stale, orphan-child, dossier-status, dossier-rollup, step-rollup.',
  })
  check!: string;

  @Field(() => String, { description: 'The instance, dossier code or rollup row it concerns.' })
  subject!: string;

  @Field(() => String)
  detail!: string;
}

@ObjectType({ description: 'Whether every instance, dossier and rollup agrees with itself.' })
export class ConsistencyReport {
  @Field(() => Int)
  instancesChecked!: number;

  @Field(() => Int)
  dossiersChecked!: number;

  @Field(() => [Inconsistency], { description: 'Empty when everything agrees.' })
  problems!: Inconsistency[];
}
