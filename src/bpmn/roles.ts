import type { ModdleElement } from 'bpmn-moddle';

/**
 * Who may take a user task (its candidate groups, i.e. roles). In order of precedence:
 * 1. `camunda:candidateGroups` on the task, so files drawn in Camunda Modeler work as they are;
 * 2. `tthc:role` on the task;
 * 3. the innermost lane holding the task: its `tthc:role`, or else its name.
 */
export function candidateGroupsOf(
  task: ModdleElement,
  laneOf: ReadonlyMap<string, ModdleElement>,
): string[] {
  // An expression there is evaluated when the task opens (see assignment.ts), not a role name.
  const written = task.get('camunda:candidateGroups');
  const expression = typeof written === 'string' && /^=|[$#]\{/.test(written.trim());
  const camunda = expression ? [] : splitList(written);
  if (camunda.length > 0) return camunda;
  const taskRole = splitList(task.get('tthc:role'));
  if (taskRole.length > 0) return taskRole;
  const lane = task.id ? laneOf.get(task.id) : undefined;
  if (!lane) return [];
  return splitList(lane.get('tthc:role') ?? lane.name);
}

/** Maps each flow node id to the innermost lane that holds it. */
export function lanesByNode(process: ModdleElement): Map<string, ModdleElement> {
  const laneOf = new Map<string, ModdleElement>();
  const visit = (laneSets: unknown) => {
    for (const laneSet of asList(laneSets)) {
      for (const lane of asList(laneSet.lanes)) {
        for (const node of asList(lane.flowNodeRef)) {
          if (node.id) laneOf.set(node.id, lane);
        }
        // Child lanes are visited after their parent, so the innermost lane wins.
        if (lane.childLaneSet) visit([lane.childLaneSet]);
      }
    }
  };
  visit(process.laneSets);
  return laneOf;
}

export function splitList(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function asList(value: unknown): ModdleElement[] {
  return Array.isArray(value) ? (value as ModdleElement[]) : [];
}

/** An element's extension elements (`<extensionElements>` children), whatever their vendor. */
export function extensionsOf(element: ModdleElement): ModdleElement[] {
  return asList((element.extensionElements as ModdleElement | undefined)?.values);
}
