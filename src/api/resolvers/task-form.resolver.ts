import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { deployTaskForm, latestTaskForms } from '../../store/step-forms';
import type { ApiContext } from '../context';
import { TaskForm, TaskFormDeployment } from '../types/task-form.type';

@Resolver()
export class TaskFormResolver {
  @Mutation(() => TaskFormDeployment, {
    description:
      'Deploys a form-js form (the JSON the bpmn.io form editor saves) as the next version of the form its id names; the same content again changes nothing.',
  })
  deployForm(
    @Arg('schema', () => String, { description: 'The form file as text.' }) schema: string,
    @Ctx() context: ApiContext,
  ): Promise<TaskFormDeployment> {
    return deployTaskForm(context.store, schema, { now: context.now() });
  }

  @Query(() => [TaskForm], { description: 'The latest version of every deployed task form.' })
  taskForms(@Ctx() context: ApiContext): Promise<TaskForm[]> {
    return latestTaskForms(context.store);
  }
}
