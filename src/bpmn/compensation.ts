import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import type { FlowNode } from './model';
import { asList } from './roles';

/**
 * A compensation boundary event names its handler by an association, not a flow: the handler
 * (`isForCompensation`) undoes the activity the event is attached to. Reads the associations of
 * a process or sub-process and marks each activity with its handler.
 */
export function linkCompensationHandlers(
  container: ModdleElement,
  nodes: Record<string, FlowNode>,
  findings: Findings,
): void {
  for (const association of asList(container.artifacts)) {
    if (association.$type !== 'bpmn:Association') continue;
    const source = nodes[(association.sourceRef as ModdleElement | undefined)?.id ?? ''];
    const target = nodes[(association.targetRef as ModdleElement | undefined)?.id ?? ''];
    if (source?.event?.kind !== 'compensate' || source.type !== 'boundaryEvent' || !target)
      continue;
    const activity = nodes[source.attachedTo ?? ''];
    if (!target.forCompensation) {
      findings.invalid(
        `'${target.id}' handles the compensation of '${source.attachedTo}' but is not marked isForCompensation`,
        target.id,
      );
    } else if (activity) activity.compensatedBy = target.id;
  }
}

/** Every compensation boundary event needs its handler, or compensation would undo nothing. */
export function checkCompensation(nodes: Record<string, FlowNode>, findings: Findings): void {
  for (const node of Object.values(nodes)) {
    if (node.type !== 'boundaryEvent' || node.event?.kind !== 'compensate') continue;
    if (!nodes[node.attachedTo ?? '']?.compensatedBy) {
      findings.invalid(
        `Compensation boundary event '${node.id}' has no handler: associate it with an activity marked isForCompensation`,
        node.id,
      );
    }
  }
}
