import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'One deployed version of a task form (biểu mẫu nhập liệu): a form-js schema a user task names by its id.',
})
export class TaskForm {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "The schema's id, as tasks name it (tthc:form)." })
  formId!: string;

  @Field(() => Int)
  version!: number;

  @Field(() => GraphQLJSON, { description: 'The form-js schema, to render with @bpmn-io/form-js.' })
  schema!: unknown;

  @Field(() => String, { nullable: true, description: 'Its path under processes/, if from there.' })
  source!: string | null;

  @Field(() => Date)
  deployedAt!: Date;
}

@ObjectType({ description: 'What deploying a form did.' })
export class TaskFormDeployment {
  @Field(() => TaskForm)
  form!: TaskForm;

  @Field(() => Boolean, { description: 'False when the latest version already had this content.' })
  changed!: boolean;
}
