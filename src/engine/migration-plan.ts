import type { ProcessModel } from '../bpmn/model';
import { AppError } from '../errors';
import type { ElementMapping } from './migration-refusals';

interface Version {
  model: ProcessModel;
  version: number;
}

/**
 * A migration plan checked before any instance is looked at: two versions of one procedure, and
 * a mapping whose every source id is an element (or flow) of the source version and every target
 * id one of the target version. The first mistake is refused, naming the element.
 */
export function checkMigrationPlan(from: Version, to: Version, mapping: ElementMapping): void {
  const source = { ...from.model, version: from.version };
  const target = { ...to.model, version: to.version };
  if (source.key !== target.key) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Instances of '${source.key}' can move only to another version of '${source.key}', not to '${target.key}'`,
      { field: 'toVersion' },
    );
  }
  if (source.version === target.version) {
    throw new AppError(
      'BAD_USER_INPUT',
      `The target version must differ from the source version (${source.version})`,
      { field: 'toVersion' },
    );
  }
  for (const [from, to] of Object.entries(mapping)) {
    if (!has(source, from)) {
      throw new AppError(
        'ELEMENT_NOT_FOUND',
        `'${from}' is not an element of version ${source.version} of '${source.key}'`,
        { elementId: from, field: 'mapping' },
      );
    }
    if (!has(target, to)) {
      throw new AppError(
        'ELEMENT_NOT_FOUND',
        `'${to}' (mapped from '${from}') is not an element of version ${target.version} of '${target.key}'`,
        { elementId: to, field: 'mapping' },
      );
    }
  }
}

function has(model: ProcessModel, id: string): boolean {
  return Object.hasOwn(model.nodes, id) || Object.hasOwn(model.flows, id);
}
