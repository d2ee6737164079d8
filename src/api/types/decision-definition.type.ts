import { Field, ID, Int, ObjectType } from 'type-graphql';
import { BpmnProblem } from './process-definition.type';

@ObjectType({
  description:
    'One version of a DMN decision (bảng quyết định), evaluated by the business rule tasks that name it.',
})
export class DecisionDefinition {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The decision's id in the DMN file." })
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { description: 'The DMN file it was deployed from.' })
  dmnXml!: string;

  @Field(() => Date)
  deployedAt!: Date;
}

@ObjectType({ description: 'What deploying a DMN file did.' })
export class DecisionDeploymentResult {
  @Field(() => Boolean, {
    description: 'False when every decision of the file was already deployed as it is.',
  })
  changed!: boolean;

  @Field(() => [DecisionDefinition])
  decisions!: DecisionDefinition[];

  @Field(() => [BpmnProblem])
  warnings!: BpmnProblem[];
}
