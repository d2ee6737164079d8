import { expected } from '../bpmn/declared-variables';
import type { DeclaredVariable, ProcessModel } from '../bpmn/model';
import { AppError } from '../errors';
import type { Variables } from './types';

/**
 * The variables an instance starts with: what the start gives, checked against the process's
 * declared variables, and each declared default where the start gives no value (or null), so
 * that no condition reads a missing variable.
 */
export function startVariables(model: ProcessModel, variables: Variables): Variables {
  checkDeclared(model, variables);
  const filled = { ...variables };
  for (const variable of model.variables ?? []) {
    if (variable.default !== undefined && (filled[variable.name] ?? null) === null) {
      filled[variable.name] = variable.default;
    }
  }
  return filled;
}

/**
 * Refuses, with BAD_USER_INPUT naming the variable (`variables.<name>`), a value of a declared
 * variable that is of another type or not among its values. Null unsets it and is accepted.
 */
export function checkDeclared(model: ProcessModel, variables: Variables): void {
  for (const variable of model.variables ?? []) {
    const value = variables[variable.name];
    if (value === undefined || value === null || fits(variable, value)) continue;
    throw new AppError(
      'BAD_USER_INPUT',
      `The variable '${variable.name}' of '${model.key}' must be ${expected(variable)}, not ${JSON.stringify(value)}`,
      { field: `variables.${variable.name}`, key: model.key },
    );
  }
}

function fits(variable: DeclaredVariable, value: unknown): boolean {
  switch (variable.type) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'text':
      return typeof value === 'string' && (!variable.values || variable.values.includes(value));
  }
}
