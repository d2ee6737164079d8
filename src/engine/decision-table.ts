import { evaluate, unaryTest } from 'feelin';
import type { DecisionModel, DecisionTable } from '../bpmn/dmn/decision-model';
import { AppError } from '../errors';
import type { JsonValue, Variables } from './types';

/**
 * Evaluates a DMN decision over variables, as DMN 1.3 says: each input once, a rule matching when
 * every one of its tests holds, and the hit policy deciding what the matches give. A failing
 * expression, or a UNIQUE or ANY table whose matches disagree, is DECISION_FAILED.
 */
export function evaluateDecision(decision: DecisionModel, variables: Variables): JsonValue {
  if (decision.logic.kind === 'literal')
    return feel(decision, decision.logic.expression, variables, decision.id);
  const table = decision.logic;
  const inputs = table.inputs.map((input) => feel(decision, input.expression, variables, input.id));
  const matched = table.rules.filter((rule) =>
    rule.inputEntries.every(
      (test, i) => test === '-' || holds(decision, test, inputs[i], variables, rule.id),
    ),
  );
  const results = matched.map((rule) =>
    resultOf(decision, table, rule.outputEntries, variables, rule.id),
  );
  return hit(
    decision,
    table,
    matched.map((rule) => rule.id),
    results,
  );
}

function hit(
  decision: DecisionModel,
  table: DecisionTable,
  ruleIds: string[],
  results: JsonValue[],
): JsonValue {
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (results.length > 1)
        throw failed(
          decision,
          `rules ${ruleIds.join(', ')} all match, and the hit policy is UNIQUE`,
        );
      return results[0] ?? null;
    case 'ANY':
      if (results.some((result) => JSON.stringify(result) !== JSON.stringify(results[0])))
        throw failed(
          decision,
          `rules ${ruleIds.join(', ')} match with different results, and the hit policy is ANY`,
        );
      return results[0] ?? null;
    case 'FIRST':
      return results[0] ?? null;
    case 'PRIORITY':
      return byPriority(table, results)[0] ?? null;
    case 'OUTPUT ORDER':
      return byPriority(table, results);
    case 'RULE ORDER':
      return results;
    case 'COLLECT':
      return collect(decision, table, results);
  }
}

/** COLLECT: the list, or its SUM, MIN, MAX or COUNT. */
function collect(decision: DecisionModel, table: DecisionTable, results: JsonValue[]): JsonValue {
  if (!table.aggregation) return results;
  if (table.aggregation === 'COUNT') return results.length;
  if (results.some((value) => typeof value !== 'number'))
    throw failed(
      decision,
      `${table.aggregation} needs numbers, and the rules gave ${JSON.stringify(results)}`,
    );
  const numbers = results as number[];
  if (numbers.length === 0) return null;
  if (table.aggregation === 'SUM') return numbers.reduce((sum, n) => sum + n, 0);
  return table.aggregation === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}

/** Ordered by the first output's listed values (then the next output's), stable in rule order. */
function byPriority(table: DecisionTable, results: JsonValue[]): JsonValue[] {
  const rank = (result: JsonValue) =>
    table.outputs.map((output) => {
      const value =
        table.outputs.length === 1 ? result : (result as Record<string, JsonValue>)[output.name];
      const index = (output.values ?? []).findIndex((literal) => evaluate(literal).value === value);
      return index < 0 ? Number.MAX_SAFE_INTEGER : index;
    });
  return results
    .map((result, order) => ({ result, order, rank: rank(result) }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || a.order - b.order)
    .map(({ result }) => result);
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function resultOf(
  decision: DecisionModel,
  table: DecisionTable,
  entries: string[],
  variables: Variables,
  ruleId: string,
): JsonValue {
  const values = entries.map((entry) => feel(decision, entry, variables, ruleId));
  if (table.outputs.length === 1) return values[0];
  return Object.fromEntries(table.outputs.map((output, i) => [output.name, values[i]]));
}

function holds(
  decision: DecisionModel,
  test: string,
  input: JsonValue,
  variables: Variables,
  ruleId: string,
): boolean {
  const { value, warnings } = unaryTest(test, { ...variables, '?': input });
  if (warnings.length > 0)
    throw failed(decision, `the test '${test}' of rule '${ruleId}' failed: ${warnings[0].message}`);
  return value === true;
}

function feel(
  decision: DecisionModel,
  expression: string,
  variables: Variables,
  where: string,
): JsonValue {
  const { value, warnings } = evaluate(expression, variables);
  if (warnings.length > 0)
    throw failed(decision, `'${expression}' of '${where}' failed: ${warnings[0].message}`);
  return (value ?? null) as JsonValue;
}

function failed(decision: DecisionModel, why: string): AppError {
  return new AppError('DECISION_FAILED', `The decision '${decision.id}' cannot be made: ${why}`, {
    decisionId: decision.id,
  });
}
