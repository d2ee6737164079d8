import { AppError } from '../../errors';
import { setStepDeadline } from '../deadlines';
import type { ArriveBehaviour, Execution } from '../execution';
import { handBack } from '../variable-mapping';
import { subscribeBoundaries } from '../subscriptions';
import { RESIDENCE_COMMUNE, type Token, type Variables } from '../types';
import type { FlowNode } from '../../bpmn/model';
import { evaluateFeel } from '../feel';
import { beginWait, finishWait, takeWait } from '../wait';

/** A token arriving at a user task waits there, and the task goes to its roles' inbox. */
export const arriveAtUserTask: ArriveBehaviour = (execution, node, { scopeId }) => {
  const token = beginWait(execution, node, scopeId);
  setStepDeadline(execution, node, token);
  const { candidateGroups, candidateUsers, assignee } = assignmentOf(execution, node, token);
  execution.effects.push({
    type: 'CREATE_TASK',
    waitId: token.id,
    elementId: node.id,
    name: node.name,
    candidateGroups,
    ...(candidateUsers.length > 0 && { candidateUsers }),
    ...(assignee && { assignee }),
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

/** Who the task goes to: the names written in the file, and those its expressions give now. */
function assignmentOf(execution: Execution, node: FlowNode, token: Token) {
  const expressions = node.assignmentExpressions ?? {};
  const variables = { ...execution.visibleVariables(token.scopeId), ...token.locals };
  const names = (expression: string | undefined): string[] => {
    if (expression === undefined) return [];
    const value = evaluateFeel(expression, variables, node.id);
    const list = Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value.split(',')
        : [value];
    if (list.some((name) => typeof name !== 'string' && name !== null)) {
      throw new AppError(
        'EXPRESSION_FAILED',
        `The assignment '${expression}' of '${node.id}' gave ${JSON.stringify(value)}, not names`,
        { elementId: node.id, expression },
      );
    }
    return list
      .filter((name): name is string => typeof name === 'string')
      .map((name) => name.trim())
      .filter(Boolean);
  };
  return {
    candidateGroups: [
      ...new Set([...(node.candidateGroups ?? []), ...names(expressions.candidateGroups)]),
    ],
    candidateUsers: [
      ...new Set([...(node.candidateUsers ?? []), ...names(expressions.candidateUsers)]),
    ],
    assignee: node.assignee ?? names(expressions.assignee)[0],
  };
}

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
