import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import type { FlowNode } from './model';
import { asList, candidateGroupsOf, splitList } from './roles';
import { feelOf } from './expression';
import { isJuel } from './juel';

/**
 * Who a user task goes to and what it shows, from whichever dialect the file was drawn in:
 * Camunda 7 attributes, Camunda 8 (Zeebe) extension elements, standard BPMN `potentialOwner` /
 * `humanPerformer`, and our `tthc` attributes. Expressions (`=...`, or JUEL `${...}` translated)
 * are evaluated when the task opens, beside the static names.
 */
export function assignmentOf(
  task: ModdleElement,
  laneOf: ReadonlyMap<string, ModdleElement>,
  findings: Findings,
): Pick<
  FlowNode,
  | 'candidateGroups'
  | 'candidateUsers'
  | 'assignee'
  | 'formKey'
  | 'agency'
  | 'agencyKind'
  | 'stepDuration'
  | 'signature'
> {
  const id = task.id ?? '';
  const zeebe = extension(task, 'zeebe:assignmentDefinition');
  const owners = resourceNames(task, 'bpmn:PotentialOwner');
  const expressions: NonNullable<FlowNode['assignmentExpressions']> = {};
  /** A static name list as it is; an expression (`=...`, JUEL) is kept to evaluate at run time. */
  const dynamic = (value: unknown, what: keyof typeof expressions): string | undefined => {
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') return undefined;
    if (!text.startsWith('=') && !isJuel(text)) return text;
    const feel = feelOf(text, { elementId: id, what: `the ${what}` }, findings);
    if (feel !== undefined) expressions[what] = feel;
    return undefined;
  };
  const groups = [
    ...splitList(dynamic(task.get('camunda:candidateGroups'), 'candidateGroups')),
    ...splitList(dynamic(zeebe?.candidateGroups, 'candidateGroups')),
    ...owners.filter((o) => o.kind === 'group').map((o) => o.name),
  ];
  const users = [
    ...splitList(dynamic(task.get('camunda:candidateUsers'), 'candidateUsers')),
    ...splitList(dynamic(zeebe?.candidateUsers, 'candidateUsers')),
    ...owners.filter((o) => o.kind === 'user').map((o) => o.name),
  ];
  const assignee =
    dynamic(task.get('camunda:assignee'), 'assignee') ??
    dynamic(zeebe?.assignee, 'assignee') ??
    resourceNames(task, 'bpmn:HumanPerformer')[0]?.name;
  const form = extension(task, 'zeebe:formDefinition');
  const formKey =
    text(task.get('tthc:form')) ??
    text(task.get('camunda:formKey')) ??
    text(form?.formKey) ??
    text(form?.formId);
  const lane = task.id ? laneOf.get(task.id) : undefined;
  const candidateGroups = groups.length > 0 ? groups : candidateGroupsOf(task, laneOf);
  return {
    candidateGroups,
    ...(users.length > 0 && { candidateUsers: [...new Set(users)] }),
    ...(assignee && { assignee }),
    ...(Object.keys(expressions).length > 0 && { assignmentExpressions: expressions }),
    ...(formKey && { formKey }),
    ...withText('agency', text(task.get('tthc:agency')) ?? text(lane?.get('tthc:agency'))),
    ...withText(
      'agencyKind',
      text(task.get('tthc:agencyKind')) ?? text(lane?.get('tthc:agencyKind')),
    ),
    ...withText('stepDuration', text(task.get('tthc:stepDuration'))),
    ...(task.get('tthc:signature') === true && { signature: true }),
  };
}

function extension(element: ModdleElement, type: string): ModdleElement | undefined {
  return asList((element.extensionElements as ModdleElement | undefined)?.values).find(
    (v) => v.$type === type,
  );
}

/**
 * Names from `potentialOwner` / `humanPerformer`: Camunda 7 writes `group(leader), user(an.nguyen)`;
 * a bare name counts as a group for owners and as a user for performers.
 */
function resourceNames(
  task: ModdleElement,
  type: string,
): { kind: 'user' | 'group'; name: string }[] {
  return asList(task.resources)
    .filter((resource) => resource.$type === type)
    .flatMap((resource) => {
      const expression = (resource.resourceAssignmentExpression as ModdleElement | undefined)
        ?.expression as ModdleElement | undefined;
      return splitList(expression?.body).map((part) => {
        const match = /^(user|group)\((.+)\)$/.exec(part);
        if (match) return { kind: match[1] as 'user' | 'group', name: match[2].trim() };
        return {
          kind: type === 'bpmn:HumanPerformer' ? ('user' as const) : ('group' as const),
          name: part,
        };
      });
    });
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function withText<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
