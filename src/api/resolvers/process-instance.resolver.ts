import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { JsonValue } from '../../engine/types';
import { processVariables } from '../../engine/state';
import { definitionById } from '../../store/definitions';
import { ProcessInstanceEntity } from '../../store/entities';
import { instanceHistory } from '../../store/history';
import { listIncidents } from '../../store/incidents';
import { childrenOf, findInstance } from '../../store/instances';
import { Incident } from '../types/incident.type';
import { toIncident } from './incident.resolver';
import { signedIn } from './officer.resolver';
import { startInstance } from '../../commands/start-process';
import { cancelStep, moveToken } from '../../commands/repair';
import { openTasksOf } from '../../store/tasks';
import type { ApiContext } from '../context';
import { optionalText, requiredText, variablesInput } from '../inputs';
import { AppError, notFound } from '../../errors';
import { asActor } from '../../auth/principal';
import { authorize } from '../../auth/policy';
import { reachesInstance } from '../../store/task-reach';
import { ProcessDefinition } from '../types/process-definition.type';
import { HistoryEvent, ProcessInstance } from '../types/process-instance.type';
import { Task } from '../types/task.type';

@Resolver(() => ProcessInstance)
export class ProcessInstanceResolver {
  @Mutation(() => ProcessInstance, { description: 'Starts the latest version of a process.' })
  async startProcess(
    @Arg('key', () => String) key: string,
    @Arg('businessKey', () => String, { nullable: true }) businessKey: string | undefined,
    @Arg('variables', () => GraphQLJSON, { nullable: true }) variables: unknown,
    @Arg('startEventId', () => String, {
      nullable: true,
      description:
        'Where to start, when the process has several none start events (ways in); by default the first.',
    })
    startEventId: string | undefined,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity> {
    const me = signedIn(context);
    return startInstance(context.store, {
      key: requiredText(key, 'key'),
      startEventId: optionalText(startEventId, 'startEventId'),
      businessKey: optionalText(businessKey, 'businessKey') ?? null,
      variables: variablesInput(variables, 'variables'),
      actor: me.username,
      agency: me.agency.code,
      now: context.now(),
    });
  }

  @Mutation(() => ProcessInstance, {
    description:
      'Puts a dossier back on track (administrators): the tokens waiting at one step go to another step of the same scope, with a reason (1 to 500 characters). The old task is withdrawn, the new one opened; the history records who and why; the appointment is not touched.',
  })
  async moveToken(
    @Arg('instanceId', () => ID) instanceId: string,
    @Arg('fromElementId', () => String) fromElementId: string,
    @Arg('toElementId', () => String) toElementId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity> {
    return moveToken(context.store, {
      instanceId,
      fromElementId: requiredText(fromElementId, 'fromElementId'),
      toElementId: requiredText(toElementId, 'toElementId'),
      reason,
      by: signedIn(context).username,
      now: context.now(),
    });
  }

  @Mutation(() => ProcessInstance, {
    description:
      'Cancels a step (administrators), with a reason (1 to 500 characters): the tokens waiting there are withdrawn with their task. Refused when nothing would be left running in their scope: move the token instead.',
  })
  async cancelStep(
    @Arg('instanceId', () => ID) instanceId: string,
    @Arg('elementId', () => String) elementId: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity> {
    return cancelStep(context.store, {
      instanceId,
      elementId: requiredText(elementId, 'elementId'),
      reason,
      by: signedIn(context).username,
      now: context.now(),
    });
  }

  @Query(() => ProcessInstance, {
    nullable: true,
    description: 'One instance; NOT_FOUND when there is none with this id.',
  })
  async processInstance(
    @Arg('id', () => ID) id: string,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity> {
    const instance = await findInstance(context.store, id);
    if (!instance) throw notFound('Process instance', id, { instanceId: id });
    await mustReach(context, instance.id);
    return instance;
  }

  @FieldResolver(() => GraphQLJSON, {
    description: 'The instance variables, as the engine holds them.',
  })
  variables(@Root() instance: ProcessInstanceEntity): Record<string, JsonValue> {
    return processVariables(instance.state);
  }

  @FieldResolver(() => ProcessDefinition)
  definition(
    @Root() instance: ProcessInstanceEntity,
    @Ctx() context: ApiContext,
  ): Promise<ProcessDefinition> {
    return definitionById(context.store, instance.definitionId);
  }

  @FieldResolver(() => [Task], { description: 'Tasks waiting for an officer, open or claimed.' })
  openTasks(@Root() instance: ProcessInstanceEntity, @Ctx() context: ApiContext): Promise<Task[]> {
    return openTasksOf(context.store, instance.id);
  }

  @FieldResolver(() => ProcessInstance, {
    nullable: true,
    description: 'The instance whose call activity started this one.',
  })
  async parent(
    @Root() instance: ProcessInstanceEntity,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity | null> {
    if (!instance.parentInstanceId) return null;
    await mustReach(context, instance.parentInstanceId);
    return context.loaders.instance.load(instance.parentInstanceId);
  }

  @FieldResolver(() => [ProcessInstance], {
    description: 'The instances its call activities started, oldest first.',
  })
  async children(
    @Root() instance: ProcessInstanceEntity,
    @Ctx() context: ApiContext,
  ): Promise<ProcessInstanceEntity[]> {
    const actor = asActor(signedIn(context));
    const children = await childrenOf(context.store, instance.id);
    const seen = await Promise.all(
      children.map((child) => reachesInstance(context.store, actor, child.id)),
    );
    return children.filter((_, index) => seen[index]);
  }

  @FieldResolver(() => Int, {
    description:
      'Working minutes the clock stood still so far, while the citizen supplemented papers.',
  })
  pausedWorkingMinutes(@Root() instance: ProcessInstanceEntity): number {
    return instance.state.clock?.pausedMinutes ?? 0;
  }

  @FieldResolver(() => Int, {
    description:
      'How many times the citizen was asked for papers (the clock paused); more than once counts the dossier as late.',
  })
  supplementRequests(@Root() instance: ProcessInstanceEntity): number {
    return instance.state.clock?.pauses ?? 0;
  }

  @FieldResolver(() => [Incident], {
    description: 'Its incidents, open and closed, newest first (administrators).',
  })
  async incidents(
    @Root() instance: ProcessInstanceEntity,
    @Ctx() context: ApiContext,
  ): Promise<Incident[]> {
    authorize('incidents', signedIn(context));
    const rows = await listIncidents(context.store, { instanceId: instance.id }, 500);
    return rows.map(toIncident);
  }

  @FieldResolver(() => [HistoryEvent], { description: 'What happened, in order.' })
  history(
    @Root() instance: ProcessInstanceEntity,
    @Ctx() context: ApiContext,
  ): Promise<HistoryEvent[]> {
    return instanceHistory(context.store, instance.id);
  }
}

/** FORBIDDEN unless the signed-in officer may see the instance (see reachesInstance). */
async function mustReach(context: ApiContext, instanceId: string): Promise<void> {
  if (!(await reachesInstance(context.store, asActor(signedIn(context)), instanceId))) {
    throw new AppError('FORBIDDEN', `Process instance '${instanceId}' is of another agency`, {
      instanceId,
    });
  }
}
