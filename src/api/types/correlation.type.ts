import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { ProcessInstance } from './process-instance.type';

export const CorrelationKind = { WAITING: 'WAITING', STARTED: 'STARTED' } as const;
export type CorrelationKind = (typeof CorrelationKind)[keyof typeof CorrelationKind];
registerEnumType(CorrelationKind, {
  name: 'CorrelationKind',
  valuesConfig: {
    WAITING: { description: 'Delivered to an instance that was waiting for it.' },
    STARTED: { description: 'Started new instances at message start events.' },
  },
});

@ObjectType({ description: 'Where a message went.' })
export class CorrelationResult {
  @Field(() => CorrelationKind)
  kind!: CorrelationKind;

  @Field(() => String, { description: 'The element that caught the message.' })
  elementId!: string;

  @Field(() => [ProcessInstance])
  processInstances!: ProcessInstance[];
}
