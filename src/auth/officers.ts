import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../errors';
import type { AbsenceEntity, AgencyEntity, MembershipKind, OfficerEntity } from '../store/entities';
import {
  agencyByCode,
  dropRole,
  holdRole,
  insertAbsence,
  insertAgency,
  insertOfficer,
  officerByUsername,
  setOfficerActive,
} from '../store/officers';
import type { Store } from '../store/store';
import { isUniqueViolation } from '../store/sql';
import { hashPassword } from './passwords';
import { holds } from './policy';
import type { Principal } from './principal';

const CODE = /^[a-z0-9][a-z0-9-]{1,63}$/;
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;
const ROLE = /^[a-z][a-z0-9_]{1,63}$/;
const DOSSIER_PREFIX = /^[0-9A-Za-z][0-9A-Za-z.]{0,31}$/;

export function createAgency(
  store: Store,
  input: {
    code: string;
    name: string;
    kind: string;
    dossierPrefix?: string;
    /** The agencies it works for in joint procedures (by code). */
    serves?: readonly string[];
    /** The agency above it (by code): a commune's district or province. */
    parentCode?: string;
    now: Date;
  },
): Promise<AgencyEntity> {
  if (!CODE.test(input.code))
    throw invalid('code', 'lower-case letters, digits and dashes, e.g. xa-xuan-hoa');
  if (input.dossierPrefix !== undefined && !DOSSIER_PREFIX.test(input.dossierPrefix))
    throw invalid('dossierPrefix', 'the national agency code, e.g. 000.00.06.H56');
  for (const served of input.serves ?? [])
    if (!CODE.test(served)) throw invalid('serves', `agency codes, not '${served}'`);
  return unlessTaken('code', input.code, () =>
    store.transaction(async (tx) => {
      if (await agencyByCode(tx, input.code)) throw taken('code', input.code, 'agency');
      if (input.parentCode !== undefined && !(await agencyByCode(tx, input.parentCode)))
        throw notFound('Agency', input.parentCode, { field: 'parentCode' });
      const agency: AgencyEntity = {
        id: randomUUID(),
        code: input.code,
        name: input.name,
        kind: input.kind,
        dossierPrefix: input.dossierPrefix ?? null,
        serves: [...(input.serves ?? [])],
        parentCode: input.parentCode ?? null,
        createdAt: input.now,
      };
      await insertAgency(tx, agency);
      return agency;
    }),
  );
}

export interface OfficerInput {
  username: string;
  fullName: string;
  agencyCode: string;
  /** Absent for officers who sign in only through the identity provider. */
  password?: string;
  roles: { role: string; kind: MembershipKind }[];
}

export async function createOfficer(
  store: Store,
  input: OfficerInput & { now: Date },
): Promise<OfficerEntity> {
  if (!USERNAME.test(input.username))
    throw invalid('username', 'lower-case letters, digits, dots, dashes or underscores');
  if (input.password !== undefined && input.password.length < 10)
    throw invalid('password', 'at least 10 characters');
  for (const { role } of input.roles) if (!ROLE.test(role)) throw invalid('roles', `not '${role}'`);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return unlessTaken('username', input.username, () =>
    store.transaction(async (tx) => {
      const agency = await agencyByCode(tx, input.agencyCode);
      if (!agency) throw notFound('Agency', input.agencyCode, { field: 'agencyCode' });
      if (await officerByUsername(tx, input.username))
        throw taken('username', input.username, 'officer');
      const officer: OfficerEntity = {
        id: randomUUID(),
        username: input.username,
        fullName: input.fullName,
        agencyId: agency.id,
        passwordHash,
        active: true,
        createdAt: input.now,
      };
      await insertOfficer(tx, officer, input.roles);
      return officer;
    }),
  );
}

/** Gives an active officer a role (or changes how they hold it). */
export async function assignRole(
  store: Store,
  input: { username: string; role: string; kind: MembershipKind },
): Promise<void> {
  if (!ROLE.test(input.role)) throw invalid('role', 'lower-case letters, digits and underscores');
  await store.transaction(async (tx) => {
    const officer = await activeOfficer(tx, input.username);
    await holdRole(tx, { officerId: officer.id, role: input.role, kind: input.kind });
  });
}

export async function removeRole(
  store: Store,
  input: { username: string; role: string },
): Promise<void> {
  await store.transaction(async (tx) => {
    const officer = await activeOfficer(tx, input.username);
    if (!(await dropRole(tx, officer.id, input.role)))
      throw invalid('role', `'${input.username}' does not hold '${input.role}'`);
  });
}

/**
 * An officer leaves: they can no longer sign in, and the tokens they hold stop working at once
 * (each request loads the officer afresh). Their history stays theirs.
 */
export async function deactivateOfficer(store: Store, username: string): Promise<void> {
  await store.transaction(async (tx) => {
    const officer = await activeOfficer(tx, username);
    await setOfficerActive(tx, officer.id, false);
  });
}

/**
 * A leader sets an absence for an officer of their own agency (an admin for anyone): while it
 * lasts, the backups of the officer's roles cover them.
 */
export async function setAbsence(
  store: Store,
  by: Principal,
  input: { username: string; startsAt: Date; endsAt: Date; reason: string; now: Date },
): Promise<AbsenceEntity> {
  if (!(input.endsAt > input.startsAt)) throw invalid('endsAt', 'after startsAt');
  return store.transaction(async (tx) => {
    const officer = await activeOfficer(tx, input.username);
    if (!holds(by, 'admin') && officer.agencyId !== by.agency.id) {
      throw new AppError(
        'FORBIDDEN',
        `'${input.username}' is not an officer of ${by.agency.name}: a leader sets absences in their own agency`,
        { field: 'username' },
      );
    }
    const absence: AbsenceEntity = {
      id: randomUUID(),
      officerId: officer.id,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      reason: input.reason,
      setBy: by.username,
      createdAt: input.now,
    };
    await insertAbsence(tx, absence);
    return absence;
  });
}

async function activeOfficer(tx: Store, username: string): Promise<OfficerEntity> {
  const officer = await officerByUsername(tx, username, { active: true });
  if (!officer) throw notFound('Officer', username, { field: 'username' });
  return officer;
}

/**
 * Two calls that create the same code or username at once: the unique index refuses the second,
 * which gets the same answer as if it had come later.
 */
async function unlessTaken<T>(field: string, value: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw taken(field, value, field === 'code' ? 'agency' : 'officer');
    }
    throw error;
  }
}

function taken(field: string, value: string, by: 'agency' | 'officer'): AppError {
  return new AppError('BAD_USER_INPUT', `'${field}' '${value}' is taken by another ${by}`, {
    field,
  });
}

/** A refused input, naming its field and what it must be. */
export function invalid(field: string, what: string): AppError {
  return new AppError('BAD_USER_INPUT', `'${field}' must be ${what}`, { field });
}
