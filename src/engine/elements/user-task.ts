import { AppError } from '../../errors';
import { setStepDeadline } from '../deadlines';
import type { ArriveBehaviour, Execution } from '../execution';
import { handBack } from '../variable-mapping';
import { subscribeBoundaries } from '../subscriptions';
import { RESIDENCE_COMMUNE, type Variables } from '../types';
import { beginWait, finishWait, takeWait } from '../wait';

/** A token arriving at a user task waits there, and the task goes to its roles' inbox. */
export const arriveAtUserTask: ArriveBehaviour = (execution, node, { scopeId }) => {
  const token = beginWait(execution, node, scopeId);
  setStepDeadline(execution, node, token);
  execution.effects.push({
    type: 'CREATE_TASK',
    waitId: token.id,
    elementId: node.id,
    name: node.name,
    candidateGroups: node.candidateGroups ?? [],
    ...(node.candidateUsers && { candidateUsers: node.candidateUsers }),
    ...(node.assignee && { assignee: node.assignee }),
    ...(node.formKey && { formKey: node.formKey }),
    ...(node.agency && { agency: node.agency }),
    ...(node.agencyKind && {
      agencyKind: node.agencyKind,
      ...residenceOf(execution.visibleVariables(scopeId)),
    }),
    ...(node.signature && { signature: true }),
    ...(token.deadline && { dueAt: token.deadline.dueAt }),
  });
  subscribeBoundaries(execution, node, token);
};

/** The commune of residence the dossier names, for a step of a kind of agency. */
function residenceOf(variables: Variables): { residenceCommune?: string } {
  const commune = variables[RESIDENCE_COMMUNE];
  return typeof commune === 'string' && commune !== '' ? { residenceCommune: commune } : {};
}

/** Completing a task sets its variables and moves its token on. */
export function completeUserTask(
  execution: Execution,
  waitId: number,
  variables: Variables,
  actor: string | undefined,
): void {
  if (execution.state.clock?.held) {
    throw new AppError(
      'DOSSIER_INVALID_STATE',
      'The dossier waits for the citizen (papers or a payment): no step is completed until they are in',
    );
  }
  const { token, node } = takeWait(
    execution,
    waitId,
    ['userTask'],
    () => new AppError('TASK_NOT_OPEN', `No open task waits as '${waitId}' in this instance`),
  );
  handBack(execution, node, token, variables);
  execution.effects.push({ type: 'COMPLETE_TASK', waitId, actor });
  finishWait(execution, node, token, actor);
}
