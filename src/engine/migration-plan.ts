import type { ProcessModel } from '../bpmn/model';
import { AppError } from '../errors';

interface Version {
  model: ProcessModel;
  version: number;
}

/**
 * A migration plan checked before any instance is looked at: two versions of one procedure, and
 * a mapping whose every source id is an element (or flow) of the source version and every target
 * id an element (a flow, for a flow) of the target version. The first mistake is refused, naming
 * the element and its line of the mapping (`mapping[i].from`, `mapping[i].to`).
 */
export function checkMigrationPlan(
  from: Version,
  to: Version,
  mapping: readonly { from: string; to: string }[],
): void {
  // Both versions are read by the one key, so they are of the same procedure.
  const source = { ...from.model, version: from.version };
  const target = { ...to.model, version: to.version };
  if (source.version === target.version) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The target version must differ from the source version (${source.version})`,
      { field: 'toVersion' },
    );
  }
  for (const [index, { from, to }] of mapping.entries()) {
    if (!has(source, from)) {
      throw new AppError(
        'ELEMENT_NOT_FOUND',
        `'${from}' is not an element of version ${source.version} of '${source.key}'`,
        { elementId: from, field: `mapping[${index}].from` },
      );
    }
    const kind = kindOf(source, from);
    if (kindOf(target, to) !== kind) {
      throw new AppError(
        'ELEMENT_NOT_FOUND',
        `'${to}' (mapped from '${from}') is not ${kind === 'flow' ? 'a sequence flow' : 'an element'} of version ${target.version} of '${target.key}'`,
        { elementId: to, field: `mapping[${index}].to` },
      );
    }
  }
}

function has(model: ProcessModel, id: string): boolean {
  return kindOf(model, id) !== undefined;
}

/** An element maps to an element, a sequence flow to a sequence flow. */
function kindOf(model: ProcessModel, id: string): 'node' | 'flow' | undefined {
  if (Object.hasOwn(model.nodes, id)) return 'node';
  return Object.hasOwn(model.flows, id) ? 'flow' : undefined;
}
