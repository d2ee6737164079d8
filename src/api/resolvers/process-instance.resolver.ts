import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { JsonValue } from '../../engine/types';
import { definitionById } from '../../store/definitions';
import { ProcessInstanceEntity } from '../../store/entities';
import { instanceHistory } from '../../store/history';
import { findInstance, startInstance } from '../../store/instances';
import { queryTasks } from '../../store/task-query';
import type { ApiContext } from '../context';
import { requiredText, variablesInput } from '../inputs';
import { ProcessDefinition } from '../types/process-definition.type';
import { HistoryEvent, ProcessInstance } from '../types/process-instance.type';
import { Task, TaskState } from '../types/task.type';

@Resolver(() => ProcessInstance)
export class ProcessInstanceResolver {
  @Mutation(() => ProcessInstance, { description: 'Starts the latest version of a process.' })
  async startProcess(
    @Arg('key', () => String) key: string,
    @Arg('businessKey', () => String, { nullable: true }) businessKey: string | undefined,
    @Arg('variables', () => GraphQLJSON, { nullable: true }) variables: unknown,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity> {
    return startInstance(context.dataSource, {
      key: requiredText(key, 'key'),
      businessKey: businessKey ?? null,
      variables: variablesInput(variables, 'variables'),
      now: context.now(),
    });
  }

  @Query(() => ProcessInstance, { nullable: true })
  processInstance(
    @Arg('id', () => ID) id: string,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity | null> {
    return findInstance(context.dataSource, id);
  }

  @FieldResolver(() => GraphQLJSON, {
    description: 'The instance variables, as the engine holds them.',
  })
  variables(@Root() instance: ProcessInstanceEntity): Record<string, JsonValue> {
    return instance.state.variables;
  }

  @FieldResolver(() => ProcessDefinition)
  definition(
    @Root() instance: ProcessInstanceEntity,
    @Ctx() context: ApiContext,
  ): Promise<ProcessDefinition> {
    return definitionById(context.dataSource.manager, instance.definitionId);
  }

  @FieldResolver(() => [Task], { description: 'Tasks waiting for an officer, open or claimed.' })
  async openTasks(
    @Root() instance: ProcessInstanceEntity,
    @Ctx() context: ApiContext,
  ): Promise<Task[]> {
    const { tasks } = await queryTasks(
      context.dataSource,
      { processInstanceId: instance.id },
      { first: 1000 },
    );
    return tasks.filter(
      (task) => task.state === TaskState.OPEN || task.state === TaskState.CLAIMED,
    );
  }

  @FieldResolver(() => [HistoryEvent], { description: 'What happened, in order.' })
  history(
    @Root() instance: ProcessInstanceEntity,
    @Ctx() context: ApiContext,
  ): Promise<HistoryEvent[]> {
    return instanceHistory(context.dataSource, instance.id);
  }
}
