/**
 * The engine's vocabulary (see src/glossary.md for the Vietnamese terms). Everything here is
 * plain, JSON-serializable data: an InstanceState can be stored, loaded and stepped again.
 */

/** An ISO 8601 instant. Time enters the engine only as an argument, never from the clock. */
export type Instant = string;

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type Variables = Record<string, JsonValue>;

/**
 * The variable by which a dossier names the citizen's commune of residence (an agency code):
 * the steps of a kind of agency (`tthc:agencyKind`) go to the one serving it rather than the
 * receiving commune (src/store/pipeline/read-before-plan.ts; checked by src/store/residence-commune.ts). Checked wherever variables come in.
 */
export const RESIDENCE_COMMUNE = 'residenceCommune';

export type InstanceStatus = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/**
 * A place where variables live and tokens run: the process itself (scope 0) or an active
 * sub-process. A sub-process scope belongs to the token waiting at the sub-process element in
 * its parent scope.
 */
export interface Scope {
  id: number;
  /** The process key for the root scope; the sub-process element otherwise. */
  elementId: string;
  parentId?: number;
  /** The token in the parent scope that waits while this scope runs. */
  tokenId?: number;
  variables: Variables;
  /**
   * Multi-instance activities run in a body scope (holding the counters) with one item scope
   * per instance. The body keeps the items not started yet and what each instance gave back.
   */
  multiInstance?: 'body' | 'item';
  pending?: { item: JsonValue; index: number }[];
  outputs?: JsonValue[];
  /** Item scopes: which item (from 0). */
  index?: number;
}

/**
 * A position of execution that waits: at an activity or catch event (its id is the task's or
 * subscription's wait id) or at a join for its sibling branches (`arrivedVia` says by which flow).
 */
export interface Token {
  id: number;
  elementId: string;
  scopeId: number;
  arrivedVia?: string;
  /** The activity's own variables, from its input mappings. */
  locals?: Variables;
  /** User tasks with a step budget: when the step is due. */
  deadline?: Deadline;
  /** Waits in front of its element for an async continuation (`camunda:asyncBefore`). */
  continuation?: true;
  /**
   * Waits at a compensation throw or end event while the handlers run one after another: those
   * still to run, and the one running now.
   */
  compensating?: { pending: string[]; running?: string };
  /**
   * Written by a migration: the element the token then waited at (by its id in the version it
   * moved to) and since when. The history names elements by the ids of their time, so a later
   * migration reads here when the step began if an earlier one renamed its element.
   */
  migratedEntry?: { elementId: string; since: Instant };
}

/** When something is due, from when it counted, and whether the time has passed. */
export interface Deadline {
  dueAt: Instant;
  /** When counting began: the dossier's reception, or the step's start. */
  since: Instant;
  overdue?: true;
  /** The day-before warning was given (the appointment only). */
  warned?: true;
  /** The appointment was moved once, with an apology (Form 04): it may not move again. */
  extended?: true;
}

/** An open wait for a message: at a catch event, a receive task, or a boundary event. */
export interface MessageSubscription {
  id: number;
  kind: 'message';
  messageName: string;
  correlationKey: string | null;
  /** The element that catches the message. */
  elementId: string;
  /** The token that waits for it, or, for a boundary event, the token of the activity. */
  tokenId?: number;
  /** For the start event of an event sub-process: the scope it listens in. */
  scopeId?: number;
}

/** An open wait for a time: at a timer catch event or a timer boundary event. */
export interface TimerSubscription {
  id: number;
  kind: 'timer';
  dueAt: Instant;
  /** For a cycle: the interval, and how many more times it fires (null: for ever). */
  repeat?: { interval: string; remaining: number | null };
  /**
   * Not a BPMN event: the deadline of the instance (held by scope 0) or of a user task (held by
   * its token). When it fires, the dossier or step is marked overdue and an escalation is thrown.
   */
  deadline?: true;
  /** A deadline's warning, one working day before it, rather than the deadline itself. */
  warning?: true;
  elementId: string;
  tokenId?: number;
  scopeId?: number;
}

/** An open wait for a broadcast signal, by name: every instance waiting for it catches it. */
export interface SignalSubscription {
  id: number;
  kind: 'signal';
  signalName: string;
  elementId: string;
  tokenId?: number;
  scopeId?: number;
}

/**
 * A wait for a FEEL condition, evaluated again at the end of every step. `holds` remembers the
 * last result, so that a non-interrupting event fires each time the condition becomes true.
 */
export interface ConditionalSubscription {
  id: number;
  kind: 'conditional';
  condition: string;
  holds: boolean;
  elementId: string;
  tokenId?: number;
  scopeId?: number;
}

export type Subscription =
  MessageSubscription | TimerSubscription | SignalSubscription | ConditionalSubscription;

export interface InstanceState {
  status: InstanceStatus;
  /** The dossier code, when the instance has one: the default correlation key of its messages. */
  businessKey: string | null;
  /** Started by a call activity: errors and escalations nothing catches go on to the caller. */
  calledByParent?: true;
  scopes: Scope[];
  tokens: Token[];
  subscriptions: Subscription[];
  /** The next local id for a scope, token or subscription; ids are never reused. */
  nextId: number;
  /**
   * Activities that completed and have a compensation handler, oldest first: compensation undoes
   * them in the reverse order.
   */
  compensable?: string[];
  /** The appointment (hẹn trả), for a procedure with a statutory time. */
  deadline?: Deadline;
  /**
   * When the result reached the one-stop desk (a token reached a `tthc:resultReady` element): the
   * moment the dossier is judged against its appointment.
   */
  resultReadyAt?: Instant;
  /**
   * The deadline clock: stopped while a token waits at an element that pauses it (the citizen
   * supplementing papers), with the working minutes paused so far.
   */
  clock?: {
    pausedAt?: Instant;
    pausedMinutes: number;
    /** How many times the clock stopped: a dossier sent back for papers more than once is late. */
    pauses: number;
    /**
     * Held from outside the process (the office asked the citizen for papers, Form 02): stopped
     * whatever the tokens do, until released.
     */
    held?: true;
  };
}

export type Command =
  | {
      type: 'START';
      variables: Variables;
      businessKey?: string | null;
      /** Where to start: the none start event unless a message start event is named. */
      startEventId?: string;
      actor?: string;
      calledByParent?: true;
    }
  | { type: 'COMPLETE_TASK'; waitId: number; variables: Variables; actor?: string }
  | { type: 'CORRELATE_MESSAGE'; subscriptionId: number; variables: Variables }
  /** A broadcast signal reaches one of the instance's signal waits. */
  | { type: 'CATCH_SIGNAL'; subscriptionId: number; variables: Variables }
  | { type: 'FIRE_TIMER'; subscriptionId: number }
  | { type: 'COMPLETE_JOB'; waitId: number; variables: Variables }
  /** An async continuation's job runs: the token waiting in front of its element goes in. */
  | { type: 'CONTINUE'; waitId: number }
  /** The instance a call activity started has completed, with its variables. */
  | { type: 'CHILD_COMPLETED'; waitId: number; variables: Variables }
  /** Ends the instance where it stands: every wait is withdrawn. */
  | { type: 'CANCEL'; actor?: string }
  /** Stops the deadline clock from outside (a supplement request), or starts it again. */
  | { type: 'HOLD_CLOCK'; actor?: string }
  | { type: 'RELEASE_CLOCK'; actor?: string }
  /**
   * An administrator puts the instance back on track, with a reason: the tokens waiting at one
   * step go to another of the same scope, or are withdrawn (src/engine/repair.ts).
   */
  | {
      type: 'MOVE_TOKEN';
      fromElementId: string;
      toElementId: string;
      actor?: string;
      reason: string;
    }
  | { type: 'CANCEL_ACTIVITY'; elementId: string; actor?: string; reason: string }
  /** The office apologizes and gives the dossier a new appointment, once (Form 04). */
  | { type: 'EXTEND_APPOINTMENT'; dueAt: Instant; actor?: string }
  /** A service task's worker, or a called instance, throws a BPMN error or escalation at its wait. */
  | {
      type: 'THROW_AT_WAIT';
      waitId: number;
      kind: 'error' | 'escalation';
      code?: string;
      variables: Variables;
    };

/** The last two are written by the store when an officer claims or gives back a task. */
export type HistoryEventType =
  | 'PROCESS_STARTED'
  | 'PROCESS_COMPLETED'
  | 'PROCESS_TERMINATED'
  | 'ELEMENT_ACTIVATED'
  | 'ELEMENT_COMPLETED'
  | 'ELEMENT_TERMINATED'
  | 'SEQUENCE_FLOW_TAKEN'
  | 'MESSAGE_CORRELATED'
  | 'SIGNAL_CAUGHT'
  | 'SIGNAL_THROWN'
  | 'CONDITION_MET'
  | 'COMPENSATION_STARTED'
  | 'TIMER_FIRED'
  | 'MESSAGE_SENT'
  | 'ESCALATION_THROWN'
  | 'ERROR_THROWN'
  | 'TASK_CLAIMED'
  | 'TASK_UNCLAIMED'
  | 'TASK_ASSIGNED'
  | 'TASK_HANDED_ON'
  | 'DEADLINE_NEAR'
  | 'DEADLINE_MISSED'
  | 'CLOCK_PAUSED'
  | 'CLOCK_RESUMED'
  | 'APPOINTMENT_EXTENDED'
  | 'RESULT_READY'
  /** An administrator moved the tokens of a step here (the element is the target), or canceled a step. */
  | 'TOKEN_MOVED'
  | 'STEP_CANCELED'
  /** The instance moved to another version of its procedure (the reason names both versions). */
  | 'INSTANCE_MIGRATED';

/** What the world outside the engine must do once a step is accepted. */
export type Effect =
  | {
      type: 'CREATE_TASK';
      waitId: number;
      elementId: string;
      name?: string;
      candidateGroups: string[];
      candidateUsers?: string[];
      assignee?: string;
      formKey?: string;
      agency?: string;
      /** The kind of agency that does it, resolved by the store (joint procedures). */
      agencyKind?: string;
      /**
       * With agencyKind: the commune of residence the dossier names (the variable
       * RESIDENCE_COMMUNE), whose agency of that kind does the step rather than the receiving one's.
       */
      residenceCommune?: string;
      /** A step that signs the result: only leaders complete it. */
      signature?: true;
      /** When the step is due, from its budget. */
      dueAt?: Instant;
    }
  /** A token waits in front of an async element: a job will continue it (CONTINUE). */
  | { type: 'CONTINUE_LATER'; waitId: number; elementId: string }
  /** A task's due time moved (the clock was paused) or passed. */
  | { type: 'SET_TASK_DEADLINE'; waitId: number; dueAt: Instant; overdue: boolean }
  | { type: 'COMPLETE_TASK'; waitId: number; actor?: string }
  /** An open task is withdrawn: an event interrupted it or the instance ended. */
  | { type: 'CANCEL_TASK'; waitId: number }
  | { type: 'OPEN_SUBSCRIPTION'; subscription: MessageSubscription | SignalSubscription }
  | { type: 'CLOSE_SUBSCRIPTION'; subscriptionId: number }
  | { type: 'SCHEDULE_TIMER'; timer: TimerSubscription }
  | { type: 'CANCEL_TIMER'; subscriptionId: number }
  /** A service or send task waits for a handler or an external worker to do its work. */
  | { type: 'CREATE_JOB'; waitId: number; elementId: string; jobType: string; retries: number }
  | { type: 'CANCEL_JOB'; waitId: number }
  /** A call activity starts an instance of another process, linked to this wait. */
  | {
      type: 'START_CHILD';
      waitId: number;
      elementId: string;
      processKey: string;
      version?: number;
      variables: Variables;
      businessKey: string | null;
    }
  | { type: 'CANCEL_CHILD'; waitId: number }
  /** An error or escalation nothing in this instance caught goes to the call activity that called it. */
  | { type: 'THROW_TO_PARENT'; kind: 'error' | 'escalation'; code?: string }
  /** A message end or throw event: the message goes out after the step commits. */
  | {
      type: 'SEND_MESSAGE';
      /** The throw event or end event that sends it. */
      elementId: string;
      messageName: string;
      correlationKey: string | null;
      variables: Variables;
    }
  /** A signal throw or end event: broadcast after the step commits, to every instance waiting. */
  | { type: 'BROADCAST_SIGNAL'; elementId: string; signalName: string; variables: Variables }
  | {
      type: 'HISTORY';
      eventType: HistoryEventType;
      elementId: string;
      elementType: string;
      at: Instant;
      actor?: string;
      /** Set on a user task's events: which task (by its wait id) the event concerns. */
      waitId?: number;
      /** Why an administrator did it (TOKEN_MOVED, STEP_CANCELED). */
      reason?: string;
    };

export interface StepResult {
  state: InstanceState;
  effects: Effect[];
}
