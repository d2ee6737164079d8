import type { ModdleElement } from 'bpmn-moddle';
import type { Findings } from './findings';
import { VARIABLE_TYPES, type DeclaredVariable, type VariableTypeName } from './model';
import { asList, splitList } from './roles';

const NAME = /^[A-Za-z_][\w]*$/;

/**
 * The variables a process declares as `<tthc:variable name type values default/>` in its
 * extension elements. A declaration the engine could not apply (a bad name or type, a default
 * of another type or not among the values, a name declared twice) makes the file invalid.
 */
export function declaredVariablesOf(
  process: ModdleElement,
  findings: Findings,
): DeclaredVariable[] {
  const processId = process.id ?? '';
  const declared: DeclaredVariable[] = [];
  const invalid = (message: string) =>
    findings.invalid(`Process '${processId}': ${message}`, processId, 'engine/variables');
  for (const element of asList((process.extensionElements as ModdleElement | undefined)?.values)) {
    if (element.$type !== 'tthc:Variable') continue;
    const name = typeof element.name === 'string' ? element.name.trim() : '';
    const type = typeof element.type === 'string' ? element.type.trim() : 'text';
    if (!NAME.test(name)) {
      invalid(`the variable '${name}' needs a name FEEL can read (letters, digits, _)`);
      continue;
    }
    if (declared.some((variable) => variable.name === name)) {
      invalid(`the variable '${name}' is declared twice`);
      continue;
    }
    if (!(VARIABLE_TYPES as readonly string[]).includes(type)) {
      invalid(`the variable '${name}' has type '${type}': write ${VARIABLE_TYPES.join(', ')}`);
      continue;
    }
    const variable: DeclaredVariable = { name, type: type as VariableTypeName };
    const values = splitList(element.values);
    if (values.length > 0) {
      if (type !== 'text') {
        invalid(`the variable '${name}' lists values, which only a text variable may`);
        continue;
      }
      variable.values = values;
    }
    if (typeof element.default === 'string') {
      const value = parseDefault(variable, element.default.trim());
      if (value === undefined) {
        invalid(
          `the default '${element.default}' of the variable '${name}' is not ${expected(variable)}`,
        );
        continue;
      }
      variable.default = value;
    }
    declared.push(variable);
  }
  return declared;
}

function parseDefault(
  variable: DeclaredVariable,
  text: string,
): boolean | number | string | undefined {
  switch (variable.type) {
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : undefined;
    case 'number':
      return text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
    case 'text':
      return !variable.values || variable.values.includes(text) ? text : undefined;
  }
}

/** What a declared variable accepts, in words. */
export function expected(variable: DeclaredVariable): string {
  if (variable.values) return `one of ${variable.values.map((v) => `"${v}"`).join(', ')}`;
  return variable.type === 'boolean' ? 'true or false' : `a ${variable.type}`;
}
