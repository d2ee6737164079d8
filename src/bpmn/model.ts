/**
 * The compiled form of a BPMN process: plain, JSON-serializable data, indexed by id, that the
 * engine reads. It is stored with the definition at deploy time so that running an instance
 * never parses XML.
 */

/** The flow node kinds the engine runs. Anything else is refused at deploy, naming the element. */
export type FlowNodeType =
  'startEvent' | 'endEvent' | 'userTask' | 'exclusiveGateway' | 'parallelGateway';

export interface FlowNode {
  id: string;
  type: FlowNodeType;
  name?: string;
  /** Sequence flow ids, in document order. */
  incoming: string[];
  outgoing: string[];
  /** Gateways and activities: the flow taken when no condition holds. */
  defaultFlow?: string;
  /** User tasks: the roles (vai trò) that may take the task. */
  candidateGroups?: string[];
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
  startEventId: string;
  nodes: Record<string, FlowNode>;
  flows: Record<string, SequenceFlow>;
}
