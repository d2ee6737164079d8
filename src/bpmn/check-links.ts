import type { Findings } from './findings';
import type { FlowNode, ProcessModel } from './model';

/**
 * Link events pair by name within one scope: each throw needs exactly one catch of its name,
 * and a name may be caught only once, or the token would not know where to go on.
 */
export function checkLinks(model: ProcessModel, findings: Findings): void {
  const links = Object.values(model.nodes).filter((node) => node.event?.kind === 'link');
  const nameOf = (node: FlowNode) => (node.event?.kind === 'link' ? node.event.linkName : '');
  const catches = links.filter((node) => node.type === 'intermediateCatchEvent');
  for (const node of links) {
    const partners = catches.filter(
      (other) => other.parentId === node.parentId && nameOf(other) === nameOf(node),
    );
    if (node.type === 'intermediateThrowEvent' && partners.length === 0) {
      findings.invalid(
        `Link event '${node.id}' throws '${nameOf(node)}', which no link catch event of its scope catches`,
        node.id,
        'engine/link',
      );
    }
    if (node.type === 'intermediateCatchEvent' && partners[0] !== node) {
      findings.invalid(
        `Link name '${nameOf(node)}' is caught twice in one scope ('${partners[0].id}' and '${node.id}')`,
        node.id,
        'engine/link',
      );
    }
  }
}
