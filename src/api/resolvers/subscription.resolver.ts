import { filter, map, pipe } from '@graphql-yoga/subscription';
import { Arg, Resolver, Root, Subscription, type SubscribeResolverData } from 'type-graphql';
import { asActor, type Principal } from '../../auth/principal';
import { authorize } from '../../auth/policy';
import { AppError } from '../../errors';
import type { ProcessInstanceEntity, TaskEntity } from '../../store/entities';
import { findDossierInstance } from '../../store/instances';
import { reachesInstance, taskConcerning } from '../../store/task-reach';
import type { ApiContext } from '../context';
import { requiredText } from '../inputs';
import { createLoaders } from '../loaders';
import { ProcessInstance } from '../types/process-instance.type';
import { Task } from '../types/task.type';

/**
 * Changes pushed over the WebSocket (graphql-ws) as they are committed. Each subscriber gets only
 * what they may see, checked again at each event with their token proved afresh.
 */
@Resolver()
export class SubscriptionResolver {
  @Subscription(() => Task, {
    description:
      'A task that is or was in my inbox changed: it arrived, was claimed, completed, canceled or its deadline moved.',
    subscribe: ({ context }: SubscribeResolverData<unknown, { code?: string }, ApiContext>) =>
      changes(context, 'taskChanged', 'task_changed', (me, taskId) =>
        taskConcerning(context.store, asActor(me), taskId),
      ),
  })
  taskChanged(@Root() task: TaskEntity): TaskEntity {
    return task;
  }

  @Subscription(() => ProcessInstance, {
    description: 'The dossier with this code (its business key) moved on, paused or ended.',
    subscribe: ({
      args,
      context,
    }: SubscribeResolverData<unknown, { code?: string }, ApiContext>) => {
      const code = requiredText(args.code ?? '', 'code');
      return changes(context, 'dossierChanged', 'dossier_changed', async (me, changed) => {
        if (changed !== code) return null;
        const instance = await findDossierInstance(context.store, code);
        if (!instance) return null;
        const seen = await reachesInstance(context.store, asActor(me), instance.id);
        return seen ? instance : null;
      });
    },
  })
  dossierChanged(
    @Arg('code', () => String) _code: string,
    @Root() instance: ProcessInstanceEntity,
  ): ProcessInstanceEntity {
    return instance;
  }
}

/**
 * The stream of one subscription: allowed by the policy at the start; then, for each change on
 * the channel, the subscriber's sign-in is proved again and `load` decides what they get of it
 * (null: nothing). Each event is answered with fresh loaders, so no field shows a stale row.
 */
function changes<T>(
  context: ApiContext,
  operation: string,
  channel: 'task_changed' | 'dossier_changed',
  load: (me: Principal, payload: string) => Promise<T | null>,
): AsyncIterable<T> {
  authorize(operation, context.auth.principal, context.auth.tokenError);
  const { changes: feed, recheck } = context;
  if (!feed || !recheck) {
    throw new AppError('BAD_USER_INPUT', `Subscribe to '${operation}' over the WebSocket`, {
      field: operation,
    });
  }
  return pipe(
    feed.subscribe(channel),
    map(async (payload: string) => {
      const me = await recheck();
      if (!me) return null;
      context.loaders = createLoaders(context.store);
      return load(me, payload);
    }),
    filter((value: T | null): value is T => value !== null),
  );
}
