/**
 * The compiled form of a BPMN process: plain, JSON-serializable data, indexed by id, that the
 * engine reads. It is stored with the definition at deploy time so that running an instance
 * never parses XML. Elements of sub-processes sit in the same `nodes` map, with `parentId`.
 */

/** The flow node kinds the engine runs. Anything else is refused at deploy, naming the element. */
export type FlowNodeType =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'userTask'
  | 'task'
  | 'manualTask'
  | 'scriptTask'
  | 'businessRuleTask'
  | 'receiveTask'
  | 'serviceTask'
  | 'sendTask'
  | 'subProcess'
  | 'callActivity'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway';

/** What an event catches or throws; an event without one is a "none" event. */
export type EventDefinition =
  | {
      kind: 'message';
      messageName: string;
      /** FEEL giving the key that matches messages to this instance; else its business key. */
      correlationKey?: string;
    }
  | {
      kind: 'timer';
      /** A point in time, a duration from now, or a repeating cycle (`R3/PT10H`). */
      timer: 'date' | 'duration' | 'cycle';
      /** ISO 8601 text, or a FEEL expression (after `=`) that gives it. */
      expression: string;
      /**
       * `tthc:workingTime`: the duration counts working days and opening hours (`P3D` is three
       * working days, `PT4H` four working hours; `3 working days` may be written too).
       */
      workingTime?: true;
    }
  | { kind: 'terminate' }
  | { kind: 'error'; errorCode?: string }
  | { kind: 'escalation'; escalationCode?: string }
  /** Broadcast: a thrown signal reaches every instance waiting for its name, and starts some. */
  | { kind: 'signal'; signalName: string }
  /** A FEEL condition, waited for until it holds; evaluated again whenever variables change. */
  | { kind: 'conditional'; condition: string }
  /** A link throw event goes on at the catch event of the same name in its scope. */
  | { kind: 'link'; linkName: string }
  /** Undoes completed activities: the one named, or every one of the scope (most recent first). */
  | { kind: 'compensate'; activityRef?: string };

export interface FlowNode {
  id: string;
  type: FlowNodeType;
  name?: string;
  /** The sub-process this node is inside; absent at the process level. */
  parentId?: string;
  /** Sequence flow ids, in document order. */
  incoming: string[];
  outgoing: string[];
  /** Gateways and activities: the flow taken when no condition holds. */
  defaultFlow?: string;
  /** User tasks: the roles (vai trò) that may take the task. */
  candidateGroups?: string[];
  /** User tasks: officers who may take it by name, and the officer it goes to at once. */
  candidateUsers?: string[];
  assignee?: string;
  /**
   * User tasks: who it goes to, computed when the task opens (FEEL, or JUEL translated at deploy:
   * `${initiator}`); each gives a name or a list of names, added to the static ones.
   */
  assignmentExpressions?: { assignee?: string; candidateUsers?: string; candidateGroups?: string };
  /** User tasks: the form to show (a form-js key or a Camunda form id). */
  formKey?: string;
  /** User tasks: the agency (cơ quan) whose officers do this step, for joint procedures. */
  agency?: string;
  /**
   * User tasks: the kind of agency that does this step in a joint procedure (police,
   * social_insurance, department): the one of that kind serving the agency that received the
   * dossier (`tthc:agencyKind`), or the commune of residence the dossier names
   * (`residenceCommune`, see src/store/pipeline/read-before-plan.ts).
   */
  agencyKind?: string;
  /** User tasks: a step that signs the result (ký duyệt); only leaders complete it. */
  signature?: boolean;
  /**
   * Input mappings (FEEL) give an activity local variables when it starts; output mappings
   * (FEEL) decide what it hands back when it ends. Without outputs, everything it got comes back.
   */
  inputs?: { source: string; target: string }[];
  outputs?: { source: string; target: string }[];
  /** Activities run once per item of a collection (đa phiên bản). */
  multiInstance?: MultiInstance;
  /** Call activities: the process they start, and what passes in and out. */
  call?: CallDefinition;
  /** Script tasks: a FEEL expression whose value becomes `resultVariable` (if given). */
  script?: { expression: string; resultVariable?: string };
  /** Business rule tasks: the DMN decision evaluated, the latest version unless pinned. */
  decision?: { decisionId: string; version?: number; resultVariable: string };
  /** Activities with a compensation boundary event: the activity that undoes them. */
  compensatedBy?: string;
  /** Activities that only undo another (`isForCompensation`): reached by compensation alone. */
  forCompensation?: true;
  /** Service and send tasks: the job type a handler or an external worker takes, and its retries. */
  jobType?: string;
  retries?: number;
  /** User tasks: the step's time budget, e.g. `P1D` or `4 working hours` (see the calendar). */
  stepDuration?: string;
  /**
   * `tthc:pausesClock`: while a token waits here (the citizen fetching a missing paper), the
   * dossier's deadlines stand still and move on by the working time paused.
   */
  pausesClock?: true;
  /**
   * `tthc:resultReady`: a token reaching this element means the result has reached the one-stop
   * desk (usually the "Trả kết quả" step). The dossier is processed (status 9) and judged against
   * its appointment then, whenever the citizen collects it.
   */
  resultReady?: true;
  /** `camunda:asyncBefore`: a token stops in front of the element; a job continues it. */
  asyncBefore?: true;
  event?: EventDefinition;
  /** Boundary events: the activity they are attached to. */
  attachedTo?: string;
  /** Boundary events and the start events of event sub-processes: whether they interrupt. */
  cancelActivity?: boolean;
  /** Sub-processes started by an event rather than a flow. */
  triggeredByEvent?: boolean;
  /** Sub-processes: the event sub-processes inside them. */
  eventSubProcesses?: string[];
  /** Activities: the boundary events attached to them, in document order. */
  boundaryEvents?: string[];
  /**
   * Sub-processes: where their inner flow begins: the none start event, or, without one, every
   * inner node that no flow leads to (BPMN's implicit start).
   */
  startIds?: string[];
}

/**
 * A call activity starts an instance of another process: the latest version, or a pinned one.
 * Without mappings every variable goes in and every variable of the child comes back out.
 */
export interface CallDefinition {
  processKey: string;
  version?: number;
  inputs?: { source: string; target: string }[];
  outputs?: { source: string; target: string }[];
}

/**
 * An activity run once per item of a FEEL collection (or a FEEL count of times), all at once or
 * one after another, until all are done or the completion condition holds (e.g. three agencies
 * are asked and two answers are enough).
 */
export interface MultiInstance {
  sequential: boolean;
  /**
   * A standard loop (`standardLoopCharacteristics`) runs as a sequential body whose next item is
   * decided by its FEEL condition: again while it holds, tested before or after each pass.
   */
  loop?: { condition?: string; testBefore: boolean; maximum?: number };
  /** FEEL giving the list; each item is `elementVariable` in its own instance. */
  collection?: string;
  elementVariable?: string;
  /** FEEL giving how many times, when there is no collection. */
  cardinality?: string;
  /** FEEL over `nrOfInstances`, `nrOfCompletedInstances`, `nrOfActiveInstances` and the variables. */
  completionCondition?: string;
  /** Collects `outputElement` (FEEL in each instance) into the list `outputCollection`. */
  outputCollection?: string;
  outputElement?: string;
}

/** A paper's kind: original (bản chính), certified_copy (bản sao chứng thực), photocopy (bản chụp). */
export const COMPONENT_KINDS = ['original', 'certified_copy', 'photocopy'] as const;
export type ComponentKindName = (typeof COMPONENT_KINDS)[number];

export interface DossierComponent {
  name: string;
  /** As written in the BPMN file; the API tells it as the ComponentKind enum (ORIGINAL...). */
  kind: ComponentKindName;
  count: number;
  optional: boolean;
}

/** The types a declared variable may have. */
export const VARIABLE_TYPES = ['boolean', 'number', 'text'] as const;
export type VariableTypeName = (typeof VARIABLE_TYPES)[number];

/**
 * A process variable declared in the file's extension elements, e.g.
 * `<tthc:variable name="deceasedCategory" type="text" values="insured, merit" default="merit"/>`.
 */
export interface DeclaredVariable {
  name: string;
  type: VariableTypeName;
  /** Text variables: the values allowed, when the list is closed. */
  values?: string[];
  /** What a start that gives no value (or null) sets. */
  default?: boolean | number | string;
}

export interface SequenceFlow {
  id: string;
  name?: string;
  sourceRef: string;
  targetRef: string;
  /** A FEEL expression, without the Camunda 8 leading `=`. */
  condition?: string;
}

export interface ProcessModel {
  /** The BPMN process id: the key that versions share. */
  key: string;
  name?: string;
  /** National procedure code (mã thủ tục) from `tthc:procedureCode`, when the file gives one. */
  procedureCode?: string;
  /** The field (lĩnh vực), e.g. `civil_status`, and the statutory time, e.g. `3 working days`. */
  field?: string;
  statutoryDuration?: string;
  /** The procedure's name in English (`tthc:englishName`), for the public catalogue. */
  englishName?: string;
  /** The fee rule as published, e.g. `8,000 VND per copy` (`tthc:fee`; data, not computed). */
  fee?: string;
  /**
   * How the fee is computed (`tthc:feeAmount`): a FEEL expression over the application form's
   * data and the papers, in đồng, e.g. `8000 * copies`. Absent: the officer assesses it.
   */
  feeRule?: string;
  /**
   * How far the procedure may be done online (`tthc:onlineService`): `full` (toàn trình) or
   * `partial` (một phần). Full-online procedures are the 766 index's online-service base.
   */
  onlineService?: 'full' | 'partial';
  /**
   * Which of the procedure's published values could not be checked against the legal text
   * (`tthc:unverified`, e.g. `statutoryDuration, fee`): an administrator should confirm them.
   */
  unverified?: string[];
  /** The papers (thành phần hồ sơ) a dossier of this procedure needs. */
  components: DossierComponent[];
  /**
   * The variables the process declares (`<tthc:variable>`): what comes in is checked against
   * them, and a start that does not give one gets its default, so that no condition reads a
   * missing value. Absent when the file declares none.
   */
  variables?: DeclaredVariable[];
  /** The process-level none start event, if there is one (the first, when there are several). */
  startEventId?: string;
  /** Process-level signal start events: a broadcast signal of this name starts an instance there. */
  signalStarts?: { elementId: string; signalName: string }[];
  /**
   * Process-level conditional start events: `evaluateConditions(variables)` starts an instance at
   * each one whose FEEL condition holds over the variables given.
   */
  conditionalStarts?: { elementId: string; condition: string }[];
  /** Process-level message start events: a message of this name starts an instance there. */
  messageStarts: { elementId: string; messageName: string }[];
  /** Process-level timer start events: the latest version starts an instance when each fires. */
  timerStarts?: string[];
  /** The event sub-processes at the process level. */
  eventSubProcesses: string[];
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
}
