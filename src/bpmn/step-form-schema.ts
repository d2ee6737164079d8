import { AppError } from '../errors';

/** A form file above this size is refused: a task form is a few kilobytes. */
export const MAX_FORM_BYTES = 512 * 1024;

/** A form-js component as far as the engine reads it (the browser renders the rest). */
export interface FormComponent {
  type: string;
  id?: string;
  key?: string;
  path?: string;
  label?: string;
  components?: FormComponent[];
  values?: { label?: string; value: unknown }[];
  conditional?: { hide?: string };
  readonly?: boolean | string;
  disabled?: boolean;
  validate?: {
    required?: boolean;
    min?: number;
    max?: number;
    minLength?: number;
    maxLength?: number;
    pattern?: string;
    validationType?: 'email' | 'phone' | 'custom';
  };
}

export interface FormSchema {
  id: string;
  type?: string;
  components: FormComponent[];
  [other: string]: unknown;
}

/** Components that hold a value of their own under `key`. */
export const INPUT_TYPES = new Set([
  'textfield',
  'textarea',
  'number',
  'datetime',
  'select',
  'radio',
  'checkbox',
  'checklist',
  'taglist',
  'filepicker',
  'expression',
]);

/**
 * Reads a form-js file (`*.form`, as the bpmn.io form editor saves it) and checks what the engine
 * relies on: an `id` tasks can name, components whose input fields have unique keys, and
 * patterns that compile. A broken file is refused with FORM_INVALID naming the field.
 */
export function parseFormSchema(text: string): FormSchema {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > MAX_FORM_BYTES) {
    throw invalid(`The form is ${size} bytes; at most ${MAX_FORM_BYTES} are accepted`, 'schema');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalid(`The form is not JSON: ${(error as Error).message}`, 'schema');
  }
  if (!isObject(parsed)) throw invalid('The form must be a JSON object', 'schema');
  const { id, components } = parsed;
  if (typeof id !== 'string' || !/^[\p{L}\p{N}_.:-]{1,255}$/u.test(id)) {
    throw invalid("The form needs an 'id' (letters, digits, _ . : -) by which tasks name it", 'id');
  }
  if (parsed.type !== undefined && parsed.type !== 'default') {
    throw invalid(
      `The form's type is '${String(parsed.type)}'; form-js forms are 'default'`,
      'type',
    );
  }
  if (!Array.isArray(components)) throw invalid("The form needs a 'components' list", 'components');
  checkComponents(components, new Set(), 'components');
  return parsed as FormSchema;
}

function checkComponents(components: unknown[], keys: Set<string>, where: string): void {
  components.forEach((component, index) => {
    const at = `${where}[${index}]`;
    if (!isObject(component) || typeof component.type !== 'string') {
      throw invalid(`${at} must be an object with a 'type'`, at);
    }
    if (INPUT_TYPES.has(component.type)) {
      const key = component.key;
      if (typeof key !== 'string' || !/^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)*$/.test(key)) {
        throw invalid(`${at} (${component.type}) needs a 'key' naming its variable`, at);
      }
      if (keys.has(key)) throw invalid(`The key '${key}' is used twice`, key);
      keys.add(key);
    }
    const pattern = isObject(component.validate) ? component.validate.pattern : undefined;
    if (typeof pattern === 'string') {
      try {
        new RegExp(pattern);
      } catch {
        throw invalid(
          `The pattern of '${String(component.key ?? at)}' is not a valid regular expression`,
          String(component.key ?? at),
        );
      }
    }
    if (Array.isArray(component.components)) {
      // A dynamic list repeats its fields per item, a group with a path nests them: either way
      // their keys live in an object of their own.
      const nested = component.type === 'dynamiclist' || typeof component.path === 'string';
      const inner = nested ? new Set<string>() : keys;
      checkComponents(component.components, inner, `${at}.components`);
    }
  });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function invalid(message: string, field: string): AppError {
  return new AppError('FORM_INVALID', message, { field });
}
