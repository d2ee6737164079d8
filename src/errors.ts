/**
 * Errors a user can act on. Each carries a stable code (sent as `extensions.code`) and names
 * what it concerns: the BPMN element, the field, the task. Anything else is a bug and is
 * reported as INTERNAL_SERVER_ERROR without details.
 */
export type ErrorCode =
  | 'BPMN_INVALID'
  | 'BPMN_UNSUPPORTED'
  | 'NOT_FOUND'
  | 'TASK_NOT_OPEN'
  | 'TASK_ALREADY_CLAIMED'
  | 'TASK_NOT_CLAIMED'
  | 'CONDITION_FAILED'
  | 'NO_FLOW_MATCHED'
  | 'INSTANCE_NOT_ACTIVE'
  | 'ELEMENT_NOT_FOUND'
  | 'NO_TOKEN_AT_ELEMENT'
  | 'LOOP_LIMIT'
  | 'EXPRESSION_FAILED'
  | 'DECISION_FAILED'
  | 'DECISION_NOT_FOUND'
  | 'UNHANDLED_ERROR'
  | 'MESSAGE_NOT_CORRELATED'
  | 'JOB_NOT_ACTIVE'
  | 'JOB_LOCKED'
  | 'INCIDENT_NOT_OPEN'
  | 'INCIDENT_NEEDS_RETRY'
  | 'JOB_GONE'
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'QUERY_TOO_DEEP'
  | 'QUERY_TOO_COSTLY'
  | 'COMPONENTS_MISSING'
  | 'DOSSIER_INVALID_STATE'
  | 'PDF_UNAVAILABLE'
  | 'SIGNING_CERTIFICATE_MISSING'
  | 'SIGNING_FAILED'
  | 'FORM_INVALID'
  | 'DATABASE_UNAVAILABLE'
  | 'NATIONAL_REPORTING_ONLY';

/** What an error is about; every field is optional and only the relevant ones are set. */
export interface ErrorDetails {
  elementId?: string;
  flowId?: string;
  field?: string;
  taskId?: string;
  instanceId?: string;
  incidentId?: string;
  jobId?: string;
  key?: string;
  messageName?: string;
  signalName?: string;
  decisionId?: string;
  correlationKey?: string;
  errorCode?: string;
  expression?: string;
  line?: number;
  column?: number;
  /** A dossier, by its code. */
  dossierCode?: string;
  /** A dossier's status, when it does not allow what was asked. */
  status?: string;
  /** The papers a dossier lacks. */
  components?: string[];
  /** Several problems found at once (e.g. every invalid element of a BPMN file). */
  problems?: Problem[];
  /** With `problems`: what was worth a look but did not stop the file. */
  warnings?: Problem[];
  /** A refusal for too many requests: when the next one will be taken. */
  retryAfterSeconds?: number;
}

export interface Problem {
  message: string;
  elementId?: string;
  /** The rule that found it: `engine/...` for the engine's own, `bpmnlint/...` for bpmnlint's. */
  rule?: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function notFound(what: string, id: string, details: ErrorDetails = {}): AppError {
  return new AppError('NOT_FOUND', `${what} '${id}' was not found`, details);
}
