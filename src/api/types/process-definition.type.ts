import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One deployed version of a procedure (thủ tục) process.' })
export class ProcessDefinition {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The BPMN process id, shared by all versions.' })
  key!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'National procedure code (mã thủ tục), e.g. 1.001193.',
  })
  procedureCode!: string | null;

  @Field(() => ID)
  deploymentId!: string;

  @Field(() => Date)
  deployedAt!: Date;
}

@ObjectType({ description: 'A paper (thành phần hồ sơ) a dossier of the procedure needs.' })
export class DossierComponent {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'original, certified_copy or photocopy' })
  kind!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Boolean)
  optional!: boolean;
}

@ObjectType({
  description: 'Something in a BPMN file worth a look that does not stop it from running.',
})
export class DeploymentWarning {
  @Field(() => String)
  message!: string;

  @Field(() => String, { nullable: true, description: 'The BPMN element it concerns.' })
  elementId?: string;
}

@ObjectType()
export class Deployment {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The file path under processes/, or null when sent over the API.',
  })
  source!: string | null;

  @Field(() => Date)
  deployedAt!: Date;

  @Field(() => Boolean, {
    description:
      'False when every process in the file was already deployed with this exact content: no new version.',
  })
  changed!: boolean;

  @Field(() => [ProcessDefinition])
  definitions!: ProcessDefinition[];

  @Field(() => [DeploymentWarning])
  warnings!: DeploymentWarning[];
}
