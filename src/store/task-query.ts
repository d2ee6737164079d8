import type { Store } from './store';
import {
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TaskEntity,
  type TaskState,
} from './entities';
import {
  activeReachKeys,
  activeTaskReach,
  actorNamedParameters,
  taskReach,
  type Actor,
} from './task-reach';

export interface TaskQuery {
  candidateGroup?: string;
  candidateUser?: string;
  assignee?: string;
  state?: TaskState;
  processDefinitionKey?: string;
  businessKey?: string;
  processInstanceId?: string;
  overdue?: boolean;
  /** Only the tasks this officer reaches (see task-reach.ts). */
  reachableBy?: Actor;
}

export interface TaskPage {
  tasks: TaskEntity[];
  /** Counted only when asked for: the count visits every task the filter matches. */
  totalCount?: number;
  hasNextPage: boolean;
}

/** The reach of an officer as a condition, by index when only open or held tasks are asked for. */
function reachOf(actor: Actor, state: TaskState | undefined): [string, Record<string, unknown>] {
  const parameters = actorNamedParameters(actor);
  if (state !== 'OPEN' && state !== 'CLAIMED') return [taskReach('named').reachable, parameters];
  return [activeTaskReach(actor), { ...parameters, reachKeys: activeReachKeys(actor) }];
}

/**
 * Tasks matching a filter, in creation order, one page at a time. Keyset pagination on the
 * task's sequence number: a page costs the same wherever it is in the list.
 */
export async function queryTasks(
  store: Store,
  query: TaskQuery,
  page: { first: number; afterSeq?: string; withTotal: boolean },
): Promise<TaskPage> {
  const filtered = () => {
    const builder = store.manager.getRepository(TaskEntity).createQueryBuilder('t');
    const { reachableBy } = query;
    if (query.processDefinitionKey !== undefined || query.businessKey !== undefined) {
      builder.innerJoin(ProcessInstanceEntity, 'i', 'i.id = t.instanceId');
    }
    if (reachableBy !== undefined) builder.andWhere(...reachOf(reachableBy, query.state));
    if (query.processDefinitionKey !== undefined) {
      builder
        .innerJoin(ProcessDefinitionEntity, 'd', 'd.id = i.definitionId')
        .andWhere('d.key = :key', { key: query.processDefinitionKey });
    }
    if (query.businessKey !== undefined) {
      builder.andWhere('i.businessKey = :businessKey', { businessKey: query.businessKey });
    }
    if (query.candidateGroup !== undefined) {
      builder.andWhere('t.candidateGroups @> ARRAY[:group]::text[]', {
        group: query.candidateGroup,
      });
    }
    if (query.candidateUser !== undefined) {
      builder.andWhere('t.candidateUsers @> ARRAY[:user]::text[]', { user: query.candidateUser });
    }
    if (query.assignee !== undefined)
      builder.andWhere('t.assignee = :assignee', { assignee: query.assignee });
    if (query.state !== undefined) builder.andWhere('t.state = :state', { state: query.state });
    if (query.overdue !== undefined)
      builder.andWhere('t.overdue = :overdue', { overdue: query.overdue });
    if (query.processInstanceId !== undefined) {
      builder.andWhere('t.instanceId = :instanceId', { instanceId: query.processInstanceId });
    }
    return builder;
  };
  const pageQuery = filtered()
    .orderBy('t.seq', 'ASC')
    .limit(page.first + 1);
  if (page.afterSeq !== undefined) pageQuery.andWhere('t.seq > :after', { after: page.afterSeq });
  const [rows, totalCount] = await Promise.all([
    pageQuery.getMany(),
    page.withTotal ? filtered().getCount() : undefined,
  ]);
  return { tasks: rows.slice(0, page.first), totalCount, hasNextPage: rows.length > page.first };
}
