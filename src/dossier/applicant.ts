import { AppError } from '../errors';
import type { Applicant, SubmittedComponent } from '../store/entities';

/** Citizen identity numbers: the 12-digit CCCD, or the older 9-digit CMND. */
const ID_NUMBER = /^(\d{9}|\d{12})$/;
/** A Vietnamese phone number: 10 digits from 0, or +84 and 9 digits. */
const PHONE = /^(0\d{9}|\+84\d{9})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const KINDS: SubmittedComponent['kind'][] = ['ORIGINAL', 'CERTIFIED_COPY', 'PHOTOCOPY'];

function invalid(field: string, what: string): AppError {
  return new AppError('BAD_USER_INPUT', `'${field}' must be ${what}`, { field });
}

/** A text argument, trimmed: required ones must be given; none may pass `max` characters. */
export function textInput(
  value: unknown,
  field: string,
  required: boolean,
  max = 255,
): string | undefined {
  const trimmed = typeof value === 'string' ? value.trim() : '';
  if (trimmed === '') {
    if (required) throw invalid(field, 'given');
    return undefined;
  }
  if (trimmed.length > max) throw invalid(field, `at most ${max} characters`);
  return trimmed;
}

/** The applicant as the office records them: a name, an identity number, ways to reach them. */
export function applicantInput(input: Record<string, unknown>): Applicant {
  const name = textInput(input.name, 'applicant.name', true)!;
  const idNumber = textInput(input.idNumber, 'applicant.idNumber', true)!;
  if (!ID_NUMBER.test(idNumber))
    throw invalid('applicant.idNumber', '12 digits (CCCD) or 9 (CMND)');
  const phone = textInput(input.phone, 'applicant.phone', false)?.replace(/[\s.-]/g, '');
  if (phone !== undefined && !PHONE.test(phone))
    throw invalid('applicant.phone', 'a phone number such as 0912345678');
  const email = textInput(input.email, 'applicant.email', false);
  if (email !== undefined && !EMAIL.test(email))
    throw invalid('applicant.email', 'an e-mail address');
  const address = textInput(input.address, 'applicant.address', false, 500);
  return {
    name,
    idNumber,
    ...(phone && { phone }),
    ...(email && { email }),
    ...(address && { address }),
  };
}

/** The papers handed in, each named, of a known kind, counted. */
export function componentsInput(list: readonly Record<string, unknown>[]): SubmittedComponent[] {
  return list.map((item, index) => {
    const field = `components[${index}]`;
    const name = textInput(item.name, `${field}.name`, true)!;
    const kind = item.kind as SubmittedComponent['kind'];
    if (!KINDS.includes(kind)) throw invalid(`${field}.kind`, KINDS.join(', '));
    const count = item.count ?? 1;
    if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 100)
      throw invalid(`${field}.count`, 'a whole number from 1 to 100');
    const reusedFrom = textInput(item.reusedFrom, `${field}.reusedFrom`, false, 64);
    return {
      name,
      kind,
      count: count as number,
      digitized: item.digitized === true,
      ...(reusedFrom && { reusedFrom }),
    };
  });
}
