import type { Store } from './store';
import {
  ProcessDefinitionEntity,
  ProcessInstanceEntity,
  TaskEntity,
  type TaskState,
} from './entities';
import type { SelectQueryBuilder } from 'typeorm';
import {
  activeReachArms,
  activeReachKeys,
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

/** The reach of an officer: one condition, and over open or held tasks its indexed arms. */
interface Reach {
  condition: string;
  arms?: string[];
  parameters: Record<string, unknown>;
}

function reachOf(actor: Actor, state: TaskState | undefined): Reach {
  const parameters = actorNamedParameters(actor);
  if (state !== 'OPEN' && state !== 'CLAIMED') {
    return { condition: taskReach('named').reachable, parameters };
  }
  const arms = activeReachArms(actor);
  return {
    condition: `(${arms.join(' OR ')})`,
    arms,
    parameters: { ...parameters, reachKeys: activeReachKeys(actor) },
  };
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
  const tasks = () => store.manager.getRepository(TaskEntity).createQueryBuilder('t');
  const reach = query.reachableBy && reachOf(query.reachableBy, query.state);
  const filtered = (reachCondition = reach?.condition) => {
    const builder = tasks();
    if (reach && reachCondition) builder.andWhere(reachCondition, reach.parameters);
    return filterTasks(builder, query);
  };
  const pageOf = (builder: SelectQueryBuilder<TaskEntity>) => {
    builder.orderBy('t.seq', 'ASC').limit(page.first + 1);
    if (page.afterSeq !== undefined) builder.andWhere('t.seq > :after', { after: page.afterSeq });
    return builder;
  };
  // Over the arms joined by OR the planner would walk all tasks in order to find a sparse few:
  // a page of each arm, read in order from its own index, then the page of their union.
  const unionOf = (conditions: string[]) => {
    const arms = conditions.map((arm) => pageOf(filtered(arm)).select('t.id', 'id'));
    const union = arms.map((arm) => `(${arm.getQuery()})`).join(' UNION ');
    return pageOf(tasks().where(`t.id IN (SELECT arm.id FROM (${union}) arm)`)).setParameters(
      Object.assign({}, ...arms.map((arm) => arm.getParameters())),
    );
  };
  const pageQuery = reach?.arms ? unionOf(reach.arms) : pageOf(filtered());
  const [rows, totalCount] = await Promise.all([
    pageQuery.getMany(),
    page.withTotal ? filtered().getCount() : undefined,
  ]);
  return { tasks: rows.slice(0, page.first), totalCount, hasNextPage: rows.length > page.first };
}

/** The query's filters but the reach, on a builder of tasks `t`. */
function filterTasks(
  builder: SelectQueryBuilder<TaskEntity>,
  query: TaskQuery,
): SelectQueryBuilder<TaskEntity> {
  if (query.processDefinitionKey !== undefined || query.businessKey !== undefined) {
    builder.innerJoin(ProcessInstanceEntity, 'i', 'i.id = t.instanceId');
  }
  if (query.processDefinitionKey !== undefined) {
    builder
      .innerJoin(ProcessDefinitionEntity, 'd', 'd.id = i.definitionId')
      .andWhere('d.key = :key', { key: query.processDefinitionKey });
  }
  if (query.businessKey !== undefined) {
    builder.andWhere('i.businessKey = :businessKey', { businessKey: query.businessKey });
  }
  if (query.candidateGroup !== undefined) {
    builder.andWhere('t.candidateGroups @> ARRAY[:group]::text[]', { group: query.candidateGroup });
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
}
