import { evaluate } from 'feelin';
import type { Variables } from '../../engine/types';
import { definitionById } from '../definitions';
import { MessageStartEntity, type ProcessInstanceEntity } from '../entities';
import type { UnitOfWork } from './unit-of-work';

/**
 * Starts an instance at every conditional start event of the latest process versions whose FEEL
 * condition holds over the variables given (Camunda 7's evaluateConditions): a missing variable
 * means the condition does not hold.
 */
export async function startByConditions(
  unit: UnitOfWork,
  input: { variables: Variables; businessKey: string | null },
): Promise<ProcessInstanceEntity[]> {
  const starts = await unit.tx.manager.find(MessageStartEntity, {
    where: { kind: 'conditional' },
    order: { key: 'ASC', elementId: 'ASC' },
  });
  const started: ProcessInstanceEntity[] = [];
  for (const start of starts) {
    const definition = await definitionById(unit.tx, start.definitionId);
    const condition = definition.model.conditionalStarts?.find(
      (s) => s.elementId === start.elementId,
    )?.condition;
    if (condition === undefined || evaluate(condition, input.variables).value !== true) continue;
    const { instance } = await unit.start(definition, {
      businessKey: input.businessKey,
      variables: input.variables,
      startEventId: start.elementId,
    });
    started.push(instance);
  }
  return started;
}
