import type { WorkingCalendar } from '../../../calendar/working-calendar';
import type { Effect } from '../../../engine/types';
import type {
  HistoryEventEntity,
  JobEntity,
  MessageSubscriptionEntity,
  TaskEntity,
} from '../../entities';

/** A new row, with the key of the row it is (see Write.row). */
export type NewRow =
  | { table: 'task'; values: Partial<TaskEntity> }
  | { table: 'message_subscription'; values: MessageSubscriptionEntity }
  | { table: 'job'; values: JobEntity }
  | { table: 'history_event'; values: Omit<HistoryEventEntity, 'id'> };

/**
 * One write of a step, in the order the engine asked for it. `row` names the row it touches
 * (`task:<wait id>`, …): the executor never sends two writes of one row in one statement, whose
 * parts all see the same snapshot.
 */
export type Write = { row: string } & (
  | { kind: 'insert'; insert: NewRow }
  | {
      kind: 'closeTask';
      taskId: string;
      state: 'COMPLETED' | 'CANCELED';
      completedBy?: string | null;
      workingMinutes?: number | null;
      /** The closed row is wanted back (the task a command completed). */
      returning: boolean;
    }
  | { kind: 'setTaskDeadline'; waitId: number; dueAt: Date; overdue: boolean }
  | { kind: 'deleteSubscription'; subscriptionId: number }
  /** The jobs of a wait go, and their open incidents close with them. */
  | { kind: 'deleteJobs'; waitId: number }
);

/** What a step asks of other instances, processed after it in the same unit of work. */
export type FollowUp =
  | Extract<Effect, { type: 'START_CHILD' }>
  | { type: 'CANCEL_CHILD'; waitId: number }
  | Extract<Effect, { type: 'THROW_TO_PARENT' }>;

/** A message a step sent: its job is the outbox, delivered after the commit (or by a runner). */
export interface SentMessage {
  jobId: string;
}

/** A step's effects as the database must take them. */
export interface WritePlan {
  writes: Write[];
  followUps: FollowUp[];
  sent: SentMessage[];
}

/** A task open before the step, as read under the instance's lock. */
export interface OpenTask {
  id: string;
  createdAt: Date;
  assignee: string | null;
}

/** Everything the planner needs, read before planning: it reads nothing itself. */
export interface PlanContext {
  instanceId: string;
  now: Date;
  calendar: WorkingCalendar;
  /** The instance's tasks that were open before the step, by wait id. */
  openTasks: ReadonlyMap<number, OpenTask>;
  /** The agency that does a step of a kind: by `kind|residence commune`. */
  agencies: ReadonlyMap<string, string | null>;
  /** A new row's id (random in the store, counted in tests). */
  newId: () => string;
}

/** The key of `agencies` for a step of a kind of agency. */
export const agencyKey = (kind: string, residenceCommune: string | undefined) =>
  `${kind}|${residenceCommune ?? ''}`;

/** How long a sent message is left to its sender to deliver before job runners take it. */
export const SENDER_DELIVERS_WITHIN_MS = 2000;

/** The plan a handler adds to, with the ids it gave the tasks it created. */
export interface Planning {
  readonly context: PlanContext;
  readonly plan: WritePlan;
  /** The ids of the tasks of this step, created or open before it, by wait id. */
  readonly taskIds: Map<number, string>;
}

export type EffectHandler<T extends Effect['type']> = (
  effect: Extract<Effect, { type: T }>,
  planning: Planning,
) => void;
