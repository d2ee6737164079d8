import { GraphQLJSON } from 'graphql-scalars';
import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { asActor } from '../../auth/principal';
import { formFieldsOf, type FormField } from '../../bpmn/form-fields';
import { allOf, assigneeGuard, taskGuard } from '../../auth/task-access';
import { notFound } from '../../errors';
import { definitionById } from '../../store/definitions';
import type { TaskEntity } from '../../store/entities';
import { queryTasks } from '../../store/task-query';
import * as taskStore from '../../commands/tasks';
import { asksFor } from '../asks-for';
import type { ApiContext } from '../context';
import {
  optionalId,
  optionalText,
  pageSizeInput,
  requiredText,
  taskCursor,
  variablesInput,
} from '../inputs';
import type { TaskQuery } from '../../store/task-query';
import { ProcessInstance } from '../types/process-instance.type';
import { TaskForm } from '../types/task-form.type';
import { formCurrentAt } from '../../store/step-forms';
import { Task, TaskConnection, TaskFilter, TaskFormField } from '../types/task.type';
import { signedIn } from './officer.resolver';

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => TaskConnection, {
    description:
      'Tasks I reach (offered to me or my roles, held or completed by me, or of the agency I lead) matching the filter, in creation order.',
  })
  async tasks(
    @Arg('filter', () => TaskFilter, { nullable: true }) filter: TaskFilter | undefined,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Arg('after', () => String, { nullable: true }) after: string | undefined,
    @Ctx() context: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TaskConnection> {
    const query = { ...taskQueryInput(filter), reachableBy: asActor(signedIn(context)) };
    const page = await queryTasks(context.store, query, {
      first: pageSizeInput(first ?? undefined),
      afterSeq: taskCursor.decode(after),
      withTotal: asksFor(info, 'totalCount'),
    });
    const edges = page.tasks.map((task) => ({ cursor: taskCursor.encode(task.seq), node: task }));
    return {
      edges,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: after !== undefined && after !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
    };
  }

  @Mutation(() => Task, {
    description:
      'I take an open task offered to me or my roles (a leader: any of their agency) for myself.',
  })
  async claimTask(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Task> {
    const me = signedIn(context);
    return taskStore.claimTask(context.store, {
      taskId: id,
      assignee: me.username,
      now: context.now(),
      guard: taskGuard(me, 'claim'),
    });
  }

  @Mutation(() => Task, {
    description:
      'A leader gives an open task of their agency to one of its officers, taking it from whoever held it (giao việc, ủy quyền).',
  })
  async assignTask(
    @Arg('id', () => ID) id: string,
    @Arg('assignee', () => String) assignee: string,
    @Ctx() context: ApiContext,
  ): Promise<Task> {
    const me = signedIn(context);
    const officer = requiredText(assignee, 'assignee');
    return taskStore.assignTask(context.store, {
      taskId: id,
      assignee: officer,
      actor: me.username,
      now: context.now(),
      guard: allOf(taskGuard(me, 'assign'), assigneeGuard(officer)),
    });
  }

  @Mutation(() => Task, {
    description: 'Gives a held task back to its roles: its holder, or a leader of its agency.',
  })
  async unclaimTask(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Task> {
    const me = signedIn(context);
    return taskStore.unclaimTask(context.store, {
      taskId: id,
      now: context.now(),
      actor: me.username,
      guard: taskGuard(me, 'unclaim'),
    });
  }

  @Mutation(() => Task, {
    description:
      "Completes a task with its data; the process moves on in the same transaction. A signature step (tthc:signature) completed by a leader while signing is on signs the dossier's result with the leader's certificate, or is refused (SIGNING_CERTIFICATE_MISSING) when they have none.",
  })
  async completeTask(
    @Arg('id', () => ID) id: string,
    @Arg('variables', () => GraphQLJSON, { nullable: true }) variables: unknown,
    @Ctx() context: ApiContext,
  ): Promise<Task> {
    const me = signedIn(context);
    // A signature step's result is signed as it completes (see ResultSigner).
    return context.results.complete(context.store, {
      taskId: id,
      variables: variablesInput(variables, 'variables'),
      principal: me,
      now: context.now(),
      guard: taskGuard(me, 'complete'),
    });
  }

  @Mutation(() => Task, {
    description:
      'Hands a step on to another agency (chuyển xử lý), with the reason: it waits there for the same roles, and the control sheet shows the hand-on. Its holder, an officer it is offered to, or a leader of its agency may.',
  })
  async handOnTask(
    @Arg('id', () => ID) id: string,
    @Arg('agency', () => String, { description: 'The code of the agency that takes it on.' })
    agency: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<Task> {
    const me = signedIn(context);
    return taskStore.handOnTask(context.store, {
      taskId: id,
      agency: requiredText(agency, 'agency'),
      reason: requiredText(reason, 'reason'),
      actor: me.username,
      now: context.now(),
      guard: taskGuard(me, 'handOn'),
    });
  }

  @FieldResolver(() => TaskForm, {
    nullable: true,
    description:
      'The form-js form the step names, in the version current when the task was created; null when it names none or it is not deployed.',
  })
  async form(@Root() task: TaskEntity, @Ctx() context: ApiContext): Promise<TaskForm | null> {
    if (!task.formKey) return null;
    return formCurrentAt(await context.loaders.taskFormVersions.load(task.formKey), task.createdAt);
  }

  @FieldResolver(() => [TaskFormField], {
    description:
      'What completing the step asks for when no form is attached: the variables compared by the conditions after it.',
  })
  async formFields(@Root() task: TaskEntity, @Ctx() context: ApiContext): Promise<FormField[]> {
    const instance = await context.loaders.instance.load(task.instanceId);
    if (!instance) return [];
    const definition = await definitionById(context.store, instance.definitionId);
    return formFieldsOf(definition.model, task.elementId);
  }

  @FieldResolver(() => ProcessInstance)
  async processInstance(
    @Root() task: TaskEntity,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstance> {
    const instance = await context.loaders.instance.load(task.instanceId);
    if (!instance) throw notFound('Process instance', task.instanceId);
    return instance;
  }
}

/** Checks each filter field at the edge: names of bounded length, ids that can be ids. */
function taskQueryInput(filter: TaskFilter | undefined): TaskQuery {
  return {
    candidateGroup: optionalText(filter?.candidateGroup, 'filter.candidateGroup'),
    candidateUser: optionalText(filter?.candidateUser, 'filter.candidateUser'),
    assignee: optionalText(filter?.assignee, 'filter.assignee'),
    state: filter?.state ?? undefined,
    processDefinitionKey: optionalText(filter?.processDefinitionKey, 'filter.processDefinitionKey'),
    businessKey: optionalText(filter?.businessKey, 'filter.businessKey'),
    processInstanceId: optionalId(filter?.processInstanceId, 'filter.processInstanceId'),
    overdue: filter?.overdue ?? undefined,
  };
}
