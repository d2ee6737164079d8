import { Field, ObjectType } from 'type-graphql';
import { ProcessInstance } from './process-instance.type';

@ObjectType({ description: 'Where a broadcast signal went: a signal reaches every receiver.' })
export class SignalBroadcast {
  @Field(() => [ProcessInstance], { description: 'The instances that were waiting for it.' })
  caught!: ProcessInstance[];

  @Field(() => [ProcessInstance], { description: 'The instances it started.' })
  started!: ProcessInstance[];
}
