import { AppError } from '../errors';
import type { Applicant, Representative, SubmittedComponent } from '../store/entities';

/** Citizen identity numbers: the 12-digit CCCD, or the older 9-digit CMND. */
const ID_NUMBER = /^(\d{9}|\d{12})$/;
/**
 * An enterprise code, which is also its tax code (Law on Enterprises 2020, art. 29): 10 digits,
 * and a dependent unit's 13 as `0123456789-001`.
 */
const TAX_CODE = /^\d{10}(-\d{3})?$/;
/**
 * A Vietnamese phone number: a mobile's 10 digits from 0, a landline's 11 from 02 (an office's
 * number, since the 2017 renumbering), or either after +84 without its 0.
 */
const PHONE = /^(0\d{9}|02\d{9}|\+84\d{9}|\+842\d{9})$/;
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

/**
 * The applicant as the office records them: a person with their identity number, or an
 * organisation with its enterprise or tax code and the representative who came for it; a person
 * may send an authorised representative too. Ways to reach them.
 */
export function applicantInput(input: Record<string, unknown>): Applicant {
  const kind = input.kind ?? 'INDIVIDUAL';
  if (kind !== 'INDIVIDUAL' && kind !== 'ORGANIZATION')
    throw invalid('applicant.kind', 'INDIVIDUAL or ORGANIZATION');
  const name = textInput(input.name, 'applicant.name', true)!;
  const organisation = kind === 'ORGANIZATION';
  const idNumber = textInput(input.idNumber, 'applicant.idNumber', !organisation);
  if (idNumber !== undefined && !ID_NUMBER.test(idNumber))
    throw invalid('applicant.idNumber', '12 digits (CCCD) or 9 (CMND)');
  const taxCode = textInput(input.taxCode, 'applicant.taxCode', organisation);
  if (taxCode !== undefined && !organisation)
    throw invalid('applicant.taxCode', 'given for an organisation only');
  if (taxCode !== undefined && !TAX_CODE.test(taxCode))
    throw invalid(
      'applicant.taxCode',
      'an enterprise or tax code: 10 digits, or 10-3 (0123456789-001)',
    );
  const phone = textInput(input.phone, 'applicant.phone', false)?.replace(/[\s.-]/g, '');
  if (phone !== undefined && !PHONE.test(phone))
    throw invalid('applicant.phone', 'a phone number such as 0912345678');
  const email = textInput(input.email, 'applicant.email', false);
  if (email !== undefined && !EMAIL.test(email))
    throw invalid('applicant.email', 'an e-mail address');
  const address = textInput(input.address, 'applicant.address', false, 500);
  // An organisation is always represented by someone at the desk.
  if (organisation && !input.representative)
    throw invalid('applicant.representative', 'the person who came for the organisation');
  const representative = input.representative
    ? representativeInput(input.representative as Record<string, unknown>, organisation)
    : undefined;
  return {
    kind,
    name,
    ...(idNumber && { idNumber }),
    ...(taxCode && { taxCode }),
    ...(phone && { phone }),
    ...(email && { email }),
    ...(address && { address }),
    ...(representative && { representative }),
  };
}

/**
 * Who came on the applicant's behalf: their name and identity number; for a person, the power of
 * attorney they hold (an organisation's legal representative acts by their position).
 */
function representativeInput(
  input: Record<string, unknown>,
  forOrganisation: boolean,
): Representative {
  const field = 'applicant.representative';
  const name = textInput(input.name, `${field}.name`, true)!;
  const idNumber = textInput(input.idNumber, `${field}.idNumber`, true)!;
  if (!ID_NUMBER.test(idNumber)) throw invalid(`${field}.idNumber`, '12 digits (CCCD) or 9 (CMND)');
  const authorization = textInput(input.authorization, `${field}.authorization`, !forOrganisation);
  const role = textInput(input.role, `${field}.role`, false);
  return {
    name,
    idNumber,
    ...(authorization && { authorization }),
    ...(role && { role }),
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
