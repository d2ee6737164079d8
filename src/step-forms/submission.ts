import { evaluate } from 'feelin';
import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import {
  INPUT_TYPES,
  isObject,
  type FormComponent,
  type FormSchema,
} from '../bpmn/step-form-schema';

/** form-js's own patterns for its validation types. */
const EMAIL = /^[\w.%+-]+@[\w.-]+\.[A-Za-z]{2,}$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;

/**
 * Checks the data a task is completed with against its form, as the browser did — the server
 * does not trust the page: required fields, lengths, bounds, patterns, and choices from the
 * form's own list. Fields the form hides (`conditional.hide`) or shows read-only are not asked
 * for. The first problem is refused with FORM_INVALID naming the field and the task.
 */
export function checkSubmission(
  schema: FormSchema,
  data: Variables,
  task: { taskId: string; elementId: string },
): void {
  const problem = firstProblem(schema.components, data, data);
  if (problem) {
    throw new AppError(
      'FORM_INVALID',
      `Task '${task.taskId}' (${task.elementId}), form '${schema.id}': ${problem.message}`,
      { field: problem.field, taskId: task.taskId, elementId: task.elementId },
    );
  }
}

interface Problem {
  field: string;
  message: string;
}

function firstProblem(
  components: readonly FormComponent[],
  data: Record<string, unknown>,
  all: Variables,
): Problem | undefined {
  for (const component of components) {
    if (hidden(component, all)) continue;
    const problem = problemOf(component, data, all);
    if (problem) return problem;
  }
  return undefined;
}

function problemOf(
  component: FormComponent,
  data: Record<string, unknown>,
  all: Variables,
): Problem | undefined {
  if (component.type === 'dynamiclist' && component.path) {
    const items = data[component.path];
    if (items === undefined || items === null) return undefined;
    if (!Array.isArray(items)) return { field: component.path, message: 'must be a list' };
    for (const item of items) {
      if (!isObject(item)) return { field: component.path, message: 'must be a list of objects' };
      const problem = firstProblem(component.components ?? [], item, all);
      if (problem) return { ...problem, field: `${component.path}.${problem.field}` };
    }
    return undefined;
  }
  if (component.components) {
    const inner = component.path ? data[component.path] : data;
    const scope = isObject(inner) ? inner : {};
    const problem = firstProblem(component.components, scope, all);
    return problem && component.path
      ? { ...problem, field: `${component.path}.${problem.field}` }
      : problem;
  }
  if (!INPUT_TYPES.has(component.type) || !component.key) return undefined;
  if (component.readonly === true || component.disabled === true) return undefined;
  return valueProblem(component, component.key, valueAt(data, component.key));
}

function valueProblem(component: FormComponent, key: string, value: unknown): Problem | undefined {
  const rules = component.validate ?? {};
  const label = component.label ? `'${component.label}' (${key})` : `'${key}'`;
  const fail = (what: string): Problem => ({ field: key, message: `${label} ${what}` });
  if (missing(value)) return rules.required ? fail('is required') : undefined;
  if (component.type === 'number') {
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) return fail('must be a number');
    if (rules.min !== undefined && number < rules.min) return fail(`must be at least ${rules.min}`);
    if (rules.max !== undefined && number > rules.max) return fail(`must be at most ${rules.max}`);
  }
  if (typeof value === 'string') {
    if (rules.minLength !== undefined && value.length < rules.minLength) {
      return fail(`must have at least ${rules.minLength} characters`);
    }
    if (rules.maxLength !== undefined && value.length > rules.maxLength) {
      return fail(`must have at most ${rules.maxLength} characters`);
    }
    const pattern =
      rules.validationType === 'email'
        ? EMAIL
        : rules.validationType === 'phone'
          ? PHONE
          : rules.pattern !== undefined
            ? new RegExp(rules.pattern)
            : undefined;
    if (pattern && !pattern.test(value)) return fail('is not in the expected form');
  }
  const choices = component.values?.map((choice) => choice.value);
  if (choices && choices.length > 0) {
    const picked = Array.isArray(value) ? value : [value];
    if (!picked.every((one) => choices.includes(one))) {
      return fail(`must be one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
    }
  }
  return undefined;
}

function missing(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** A field the form hides is not asked for; its condition reads all the data, as form-js does. */
function hidden(component: FormComponent, all: Variables): boolean {
  const condition = component.conditional?.hide;
  if (typeof condition !== 'string' || condition.trim() === '') return false;
  const feel = condition.startsWith('=') ? condition.slice(1) : condition;
  return evaluate(feel, all).value === true;
}

/** `a.b` reads a nested value, as form-js writes it. */
function valueAt(data: Record<string, unknown>, key: string): unknown {
  let value: unknown = data;
  for (const part of key.split('.')) {
    if (!isObject(value)) return undefined;
    value = value[part];
  }
  return value;
}
