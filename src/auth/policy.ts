import { AppError } from '../errors';
import type { Principal } from './principal';

/**
 * Who may call each query and mutation: the one place authorization is decided for operations.
 * `public`: anyone, signed in or not (nothing personal may be answered there); `officer`: any
 * signed-in officer (what they then see is limited by their roles, see tasks); a list of roles:
 * an officer holding one of them. An operation missing here is refused to everyone, and a test
 * fails until it is added.
 */
export type Requirement = 'public' | 'officer' | readonly Role[];

/** The standard roles; agencies may use others in their lanes (e.g. `police`). */
export type Role =
  | 'reception'
  | 'civil_status'
  | 'land'
  | 'social_affairs'
  | 'culture'
  | 'office'
  | 'leader'
  | 'designer'
  | 'admin'
  /** A service account of an external worker or a connected system. */
  | 'worker';

/** The roles that work dossiers, and so may read the applicants' personal data. */
export const DOSSIER_ROLES: readonly Role[] = [
  'reception',
  'civil_status',
  'land',
  'social_affairs',
  'culture',
  'office',
  'leader',
];

export const POLICY: Record<string, Requirement> = {
  // The citizen's desk: no login.
  login: 'public',
  workingCalendar: 'public',
  expectedAppointment: 'public',
  dossierStatus: 'public',
  procedures: 'public',
  submitFeedback: 'public',
  rateDossier: 'public',
  stopNotifications: 'public',
  // Every officer.
  me: 'officer',
  myTasks: 'officer',
  taskChanged: 'officer',
  dossierChanged: 'officer',
  agencies: 'officer',
  processDefinitions: 'officer',
  processInstance: 'officer',
  tasks: 'officer',
  claimTask: 'officer',
  unclaimTask: 'officer',
  handOnTask: 'officer',
  completeTask: 'officer',
  startProcess: 'officer',
  // Dossiers of the officer's agency, with the applicants' personal data: those who work them.
  dossier: DOSSIER_ROLES,
  dossiers: DOSSIER_ROLES,
  trackingBook: DOSSIER_ROLES,
  // Figures without personal data: the agency's own officers; administrators for every agency.
  dossierMetrics: [...DOSSIER_ROLES, 'admin'],
  serviceIndex: [...DOSSIER_ROLES, 'admin'],
  // Every agency's index under a province, side by side: leaders for their own province (see
  // checkRankingScope), administrators for all. The 766 scores carry no personal data.
  serviceIndexRanking: ['leader', 'admin'],
  // Every province's and every commune's index side by side (a national database's): administrators.
  nationalRanking: ['admin'],
  // How a procedure's steps perform across agencies (no personal data): those who shape it.
  stepMetrics: ['leader', 'designer', 'admin'],
  whatIf: ['leader', 'designer', 'admin'],
  recordServiceIndicator: ['admin'],
  // The one-stop desk.
  receiveDossier: ['reception'],
  guideApplicant: ['reception'],
  refuseApplicant: ['reception'],
  requestSupplement: ['reception', 'civil_status', 'land', 'social_affairs', 'culture', 'office'],
  submitSupplement: ['reception'],
  refuseDossier: ['reception'],
  withdrawDossier: ['reception'],
  returnResult: ['reception'],
  recordPayment: ['reception'],
  setDossierNotifications: ['reception'],
  requestPayment: ['reception', 'civil_status', 'land', 'social_affairs', 'culture', 'office'],
  answerFeedback: ['leader', 'office'],
  // Leaders sign the apology with a new date (Form 04) and stop processing (Form 05).
  extendDossier: ['leader'],
  stopDossier: ['leader'],
  // Leaders, for the tasks of their agency.
  assignTask: ['leader'],
  // Process designers.
  deployProcess: ['designer'],
  validateProcess: ['designer'],
  deployDecision: ['designer'],
  validateDecision: ['designer'],
  decisionDefinitions: ['designer', 'admin'],
  deployForm: ['designer'],
  taskForms: ['designer'],
  // Moving running instances to another version (src/commands/migrate-instances.ts).
  migrationPreview: ['designer', 'admin'],
  migrateInstances: ['designer', 'admin'],
  // External workers and connected systems (another agency's answer, a payment): a message
  // reaches whichever dossier waits for it, so no officer sends one.
  correlateMessage: ['worker'],
  // A signal reaches every instance waiting for it: connected systems, and administrators.
  broadcastSignal: ['worker', 'admin'],
  evaluateConditions: ['worker', 'admin'],
  fetchAndLockJobs: ['worker'],
  completeJob: ['worker'],
  failJob: ['worker'],
  throwJobError: ['worker'],
  // Leaders for their agency, admins for all.
  officers: ['leader', 'admin'],
  setAbsence: ['leader', 'admin'],
  // Administrators.
  incidents: ['admin'],
  consistencyReport: ['admin'],
  retryIncident: ['admin'],
  resolveIncident: ['admin'],
  // Putting a dossier back on track, with a reason (src/commands/repair.ts).
  moveToken: ['admin'],
  cancelStep: ['admin'],
  deployCalendar: ['admin'],
  createAgency: ['admin'],
  setAgencyPayee: ['admin'],
  notificationTemplates: ['admin'],
  setNotificationTemplate: ['admin'],
  createOfficer: ['admin'],
  deactivateOfficer: ['admin'],
  assignRole: ['admin'],
  removeRole: ['admin'],
  auditLog: ['admin'],
};

/**
 * What a national reporting server answers (NATIONAL_REPORTING): signing in and the figures,
 * which its database holds for every province it follows. Everything else works on what only a
 * province's database holds (applicants, tasks, processes) or changes it: refused there.
 */
export const NATIONAL_OPERATIONS: readonly string[] = [
  'login',
  'me',
  'dossierMetrics',
  'serviceIndex',
  'serviceIndexRanking',
  'nationalRanking',
];

/**
 * Refuses an operation to someone it is not for: UNAUTHENTICATED without a valid sign-in,
 * FORBIDDEN without the role. `tokenError` is why a token sent was refused, if one was.
 */
export function authorize(
  operation: string,
  principal: Principal | undefined,
  tokenError?: AppError,
): void {
  const requirement = POLICY[operation];
  if (requirement === 'public') return;
  if (!principal) {
    throw (
      tokenError ??
      new AppError('UNAUTHENTICATED', `Sign in to use '${operation}'`, { field: operation })
    );
  }
  if (requirement === undefined) {
    throw new AppError('FORBIDDEN', `'${operation}' is open to nobody yet`, { field: operation });
  }
  if (requirement === 'officer') return;
  if (!requirement.some((role) => principal.roles.includes(role))) {
    throw new AppError('FORBIDDEN', `'${operation}' needs the role ${requirement.join(' or ')}`, {
      field: operation,
    });
  }
}

/** Whether the principal holds a role. */
export function holds(principal: Principal, role: Role): boolean {
  return principal.roles.includes(role);
}
