/**
 * The engine's vocabulary (see src/glossary.md for the Vietnamese terms). Everything here is
 * plain, JSON-serializable data: an InstanceState can be stored, loaded and stepped again.
 */

/** An ISO 8601 instant. Time enters the engine only as an argument, never from the clock. */
export type Instant = string;

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type Variables = Record<string, JsonValue>;

export type InstanceStatus = 'ACTIVE' | 'COMPLETED' | 'TERMINATED';

/**
 * A position of execution. A token that is in the state waits: at a user task (its id is the
 * task's wait id) or at a parallel join for its sibling branches (`arrivedVia` says by which flow).
 */
export interface Token {
  id: number;
  elementId: string;
  arrivedVia?: string;
}

export interface InstanceState {
  status: InstanceStatus;
  variables: Variables;
  tokens: Token[];
  /** The next local id for a token; ids are never reused within an instance. */
  nextId: number;
}

export type Command =
  | { type: 'START'; variables: Variables; actor?: string }
  | { type: 'COMPLETE_TASK'; waitId: number; variables: Variables; actor?: string };

/** The last two are written by the store when an officer claims or gives back a task. */
export type HistoryEventType =
  | 'PROCESS_STARTED'
  | 'PROCESS_COMPLETED'
  | 'ELEMENT_ACTIVATED'
  | 'ELEMENT_COMPLETED'
  | 'SEQUENCE_FLOW_TAKEN'
  | 'TASK_CLAIMED'
  | 'TASK_UNCLAIMED';

/** What the world outside the engine must do once a step is accepted. */
export type Effect =
  | {
      type: 'CREATE_TASK';
      waitId: number;
      elementId: string;
      name?: string;
      candidateGroups: string[];
    }
  | { type: 'COMPLETE_TASK'; waitId: number; actor?: string }
  | {
      type: 'HISTORY';
      eventType: HistoryEventType;
      elementId: string;
      elementType: string;
      at: Instant;
      actor?: string;
      /** Set on a user task's events: which task (by its wait id) the event concerns. */
      waitId?: number;
    };

export interface StepResult {
  state: InstanceState;
  effects: Effect[];
}
