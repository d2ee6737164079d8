import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLList,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { LARGE_TEXT, MAX_ITEMS, MAX_JSON_DEPTH, MAX_TEXT } from '../../../src/api/request-checks';
import { buildApiSchema } from '../../../src/api/schema';
import type { GraphQLResponse } from '../../support/api';
import { snapshotDatabase } from '../../support/database';
import { BIRTH_PAPERS } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/** A value every scalar of the schema accepts; a new scalar needs one here. */
const SAMPLE: Record<string, unknown> = {
  String: 'x',
  ID: '00000000-0000-4000-8000-000000000000',
  Int: 1,
  Float: 1.5,
  Boolean: true,
  JSON: { note: 'x' },
  DateTime: '2026-03-02T02:00:00Z',
  LocalDate: '2026-03-02',
};

/** A value of the wrong JSON type for each scalar (JSON takes anything). */
const WRONG: Record<string, unknown> = {
  String: { not: 'text' },
  ID: { not: 'an id' },
  Int: 'one',
  Float: 'one and a half',
  Boolean: 'yes',
  DateTime: { not: 'a time' },
  LocalDate: [2026, 3, 2],
};

const NUL_TEXT = 'a\u0000b';
/** The roles of the officers next door who try this agency's dossier. */
const OTHER_ROLES = ['reception', 'civil_status', 'leader', 'admin'];
const TEXT = new Set(['String', 'ID', 'JSON']);

type Path = (string | number)[];

/** A place in an operation's variables where a value goes: an argument or a field within one. */
interface Position {
  path: Path;
  type: GraphQLInputType;
  /** Non-null without a default: leaving it out is a mistake. */
  required: boolean;
}

interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The variable (named as its argument) the mistake concerns. */
  argument: string;
  /** For the NUL and size cases: the field the refusal names. */
  field?: string;
  nul?: boolean;
  /** Text too long or a list too long: refused like a NUL, by the request checks. */
  size?: boolean;
  /**
   * Well-formed, but every id is one that exists nowhere, and a variable the operation does not
   * declare comes along: answered (not found, forbidden, or nothing) with a code, never internal.
   */
  unknownId?: boolean;
  /** The same, with the ids and dossier codes of another agency's dossier (see ForeignIds). */
  foreign?: (ids: ForeignIds) => Record<string, unknown>;
}

/** Another agency's dossier: its code, its instance and its open task. */
interface ForeignIds {
  code: string;
  instanceId: string;
  taskId: string;
}

/** JSON `levels` objects deep. */
function nested(levels: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < levels; level++) value = { level: value };
  return value;
}

/** `input.components[0].name` */
const dotted = (path: Path) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i ? `.${key}` : key)).join('');

function sampleOf(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleOf(type.ofType);
  if (isListType(type)) return [sampleOf(type.ofType)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields()).map((field) => [field.name, sampleOf(field.type)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].name;
  if (!(type.name in SAMPLE)) throw new Error(`no sample value for the scalar ${type.name}`);
  return structuredClone(SAMPLE[type.name]);
}

/** Every place in a value of `type` (at `path`), the value's own place first. */
function positionsOf(type: GraphQLInputType, path: Path, required: boolean): Position[] {
  const here: Position = { path, type, required };
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [here, ...positionsOf(inner.ofType, [...path, 0], false)];
  if (isInputObjectType(inner)) {
    return [
      here,
      ...Object.values(inner.getFields()).flatMap((field) =>
        positionsOf(
          field.type,
          [...path, field.name],
          isNonNullType(field.type) && field.defaultValue === undefined,
        ),
      ),
    ];
  }
  return [here];
}

/** The variables with `path` set to `value`, or left out when `value` is `undefined`. */
function withValue(variables: Record<string, unknown>, path: Path, value: unknown) {
  const copy = structuredClone(variables);
  let parent: any = copy;
  for (const key of path.slice(0, -1)) parent = parent[key];
  const last = path[path.length - 1];
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** Malformed variable sets for one field, its arguments declared as variables of their names. */
function casesOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Case[] {
  const declared = field.args.map((arg) => {
    // A non-null argument with a default takes a nullable variable: left out, the default holds.
    const type =
      isNonNullType(arg.type) && arg.defaultValue !== undefined ? arg.type.ofType : arg.type;
    return `$${arg.name}: ${String(type)}`;
  });
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  const query = `${kind} Malformed(${declared.join(', ')}) { ${field.name}(${field.args
    .map((arg) => `${arg.name}: $${arg.name}`)
    .join(', ')})${selection} }`;
  const valid = Object.fromEntries(field.args.map((arg) => [arg.name, sampleOf(arg.type)]));
  const cases: Case[] = [];
  const add = (name: string, position: Position, value: unknown, extra: Partial<Case> = {}) =>
    cases.push({
      name: `${field.name}: ${dotted(position.path)} ${name}`,
      query,
      variables: withValue(valid, position.path, value),
      argument: String(position.path[0]),
      ...extra,
    });
  const positions = field.args.flatMap((arg) =>
    positionsOf(arg.type, [arg.name], isNonNullType(arg.type) && arg.defaultValue === undefined),
  );
  const ids = positions.filter((position) => getNamedType(position.type).name === 'ID');
  const codes = positions.filter(
    (p) => p.path.length === 1 && /^(code|dossierCode)$/.test(String(p.path[0])),
  );
  if (ids.length > 0) {
    cases.push({
      name: `${field.name}: unknown ids, an undeclared variable`,
      query,
      variables: { ...valid, undeclared: 'x' },
      argument: '',
      unknownId: true,
    });
  }
  if (ids.length + codes.length > 0) {
    // An id of the kind the operation's name suggests; any other kind is as good as unknown.
    const idOf = (foreign: ForeignIds) =>
      /instance|process/i.test(field.name) ? foreign.instanceId : foreign.taskId;
    cases.push({
      name: `${field.name}: another agency's ids`,
      query,
      variables: valid,
      argument: '',
      unknownId: true,
      foreign: (foreign) =>
        [...ids, ...codes].reduce(
          (variables, p) =>
            withValue(variables, p.path, ids.includes(p) ? idOf(foreign) : foreign.code),
          valid,
        ),
    });
  }
  for (const arg of field.args) {
    const top = isNonNullType(arg.type) && arg.defaultValue === undefined;
    for (const position of positionsOf(arg.type, [arg.name], top)) {
      const named: GraphQLNamedType = getNamedType(position.type);
      const leaf = !isList(position.type) && !isInputObjectType(named);
      if (position.required) add('left out', position, undefined);
      if (isNonNullType(position.type)) add('null', position, null);
      if (leaf && isEnumType(named)) add('not in the enum', position, 'NOT_A_VALUE_OF_THE_ENUM');
      if (leaf && named.name in WRONG) add('of the wrong type', position, WRONG[named.name]);
      if (!isList(position.type) && isInputObjectType(named)) {
        add('of the wrong type', position, 'not an object');
      }
      const large = LARGE_TEXT.has(`${field.name}.${String(position.path[0])}`);
      if (leaf && ['String', 'ID'].includes(named.name) && !large) {
        add('too long', position, 'x'.repeat(MAX_TEXT + 1), {
          size: true,
          field: dotted(position.path),
        });
      }
      if (isList(position.type)) {
        const item = sampleOf(
          (getNullableType(position.type) as GraphQLList<GraphQLInputType>).ofType,
        );
        add(
          'with too many items',
          position,
          Array.from({ length: MAX_ITEMS + 1 }, () => item),
          {
            size: true,
            field: dotted(position.path),
          },
        );
      }
      if (leaf && named.name === 'JSON') {
        add('nested too deeply', position, nested(MAX_JSON_DEPTH + 1), {
          size: true,
          field: dotted(position.path),
        });
      }
      if (leaf && TEXT.has(named.name)) {
        add('holding a NUL', position, named.name === 'JSON' ? { note: NUL_TEXT } : NUL_TEXT, {
          nul: true,
          field: dotted(position.path),
        });
      }
    }
  }
  return cases;
}

/**
 * Whether the answer to a case is the one it should get (internal errors aside): for another
 * agency's ids, each refusal also names what it refused, by the field or the id.
 */
function answered(c: Case, body: GraphQLResponse, foreign: ForeignIds): boolean {
  const errors = body.errors ?? [];
  const names = (e: { message: string; extensions?: Record<string, unknown> }) =>
    e.extensions?.field !== undefined ||
    Object.values(foreign).some((id) => e.message.includes(id));
  if (c.foreign) return errors.every((e) => typeof e.extensions?.code === 'string' && names(e));
  if (c.unknownId) return errors.every((e) => typeof e.extensions?.code === 'string');
  const named = (message: string) =>
    c.nul || c.size
      ? message.includes(`"${c.argument}"`)
      : message.includes(`"$${c.argument}"`) || message.includes(`"${c.argument}"`);
  return (
    errors.length > 0 &&
    body.data == null &&
    errors.every(
      (e) =>
        (c.nul || c.size
          ? e.extensions?.code === 'BAD_USER_INPUT' && e.extensions.field === c.field
          : ['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED'].includes(
              e.extensions?.code as string,
            )) && named(e.message),
    )
  );
}

const isList = (type: GraphQLInputType) => isListType(isNonNullType(type) ? type.ofType : type);

function everyCase(schema: GraphQLSchema): Case[] {
  const roots = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const;
  return roots.flatMap(([kind, root]) =>
    Object.values(root?.getFields() ?? {})
      .filter((field) => field.args.length > 0)
      .flatMap((field) => casesOf(kind, field)),
  );
}

/**
 * A client's mistake is never an internal error. Every query and mutation of the schema, each
 * argument and each field inside it, gets the malformed values a broken client sends: left out,
 * null where it may not be, not in its enum, of the wrong JSON type, text holding a NUL, text of
 * more than MAX_TEXT characters, a list of more than MAX_ITEMS items, JSON nested too deeply. Each is
 * refused before anything runs, as BAD_USER_INPUT (or a validation error) naming what is wrong,
 * whoever asks; nothing is written. Every operation that takes an id is also sent ids that exist
 * nowhere, with a variable it does not declare: answered with a code, and nothing written.
 */
describe('malformed input, from the schema', () => {
  const suite = apiSuite();
  let cases: Case[] = [];
  const identities: Record<string, string | null> = {};

  let foreignIds: ForeignIds;

  beforeAll(async () => {
    cases = everyCase(await buildApiSchema());
    identities.anonymous = null;
    for (const role of ['admin', 'leader', 'reception', 'designer', 'worker']) {
      identities[role] = await suite.api.officer(`malformed.${role}`, [role]);
    }
    for (const role of OTHER_ROLES) {
      identities[`other ${role}`] = await suite.api.officer(`other.${role}`, [role], 'xa-ben-canh');
    }
    // A dossier of this agency, waiting at its first step: what officers next door must not touch.
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    const { receiveDossier } = await suite.api.ok<{
      receiveDossier: {
        code: string;
        processInstance: { id: string; openTasks: { id: string }[] };
      };
    }>(
      `mutation { receiveDossier(input: { procedureKey: "birth-registration",
         applicant: { name: "Ngô Thị Lan", idNumber: "001190099999", phone: "0912345678" },
         components: ${BIRTH_PAPERS} }) { code processInstance { id openTasks { id } } } }`,
      {},
      identities.reception ?? undefined,
    );
    foreignIds = {
      code: receiveDossier.code,
      instanceId: receiveDossier.processInstance.id,
      taskId: receiveDossier.processInstance.openTasks[0].id,
    };
  });

  it('covers every operation that takes arguments', () => {
    expect(cases.filter((c) => c.nul).length).toBeGreaterThan(50);
    expect(cases.filter((c) => c.size).length).toBeGreaterThan(50);
    expect(new Set(cases.map((c) => c.name.split(':')[0])).size).toBeGreaterThan(50);
    expect(cases.filter((c) => c.unknownId).length).toBeGreaterThan(10);
  });

  const IDENTITIES = ['anonymous', 'admin', 'leader', 'reception', 'designer', 'worker'];

  /** Sends the cases as `identity`, 25 at a time: those answered internally, and those wrong. */
  const sendAll = async (identity: string, mine: Case[]) => {
    const internal: string[] = [];
    const wrong: string[] = [];
    const send = async (c: Case) => {
      const body: GraphQLResponse = await suite.api.graphql(
        c.query,
        c.foreign ? c.foreign(foreignIds) : c.variables,
        identities[identity],
      );
      const errors = body.errors ?? [];
      if (errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
        internal.push(c.name);
        return;
      }
      if (!answered(c, body, foreignIds))
        wrong.push(`${c.name}: ${JSON.stringify(body).slice(0, 300)}`);
    };
    for (let i = 0; i < mine.length; i += 25) {
      await Promise.all(mine.slice(i, i + 25).map(send));
    }
    expect({ of: mine.length, internal: internal.length, first: internal.slice(0, 5) }).toEqual({
      of: mine.length,
      internal: 0,
      first: [],
    });
    expect({ wrong: wrong.length, first: wrong.slice(0, 5) }).toEqual({ wrong: 0, first: [] });
  };

  it.each(IDENTITIES)(
    'refuses each as BAD_USER_INPUT naming the field, as %s, and writes nothing',
    async (identity) => {
      const dataSource = suite.api.database.dataSource;
      const audited = async () =>
        Number((await dataSource.query('SELECT count(*) AS n FROM audit_event'))[0].n);
      const before = await snapshotDatabase(dataSource);
      const auditedBefore = await audited();
      const malformed = cases.filter((c) => !c.unknownId);
      // Text too long and lists too long are sent once, by the officer who may call everything.
      await sendAll(identity, identity === 'admin' ? malformed : malformed.filter((c) => !c.size));
      expect(await snapshotDatabase(dataSource)).toEqual(before);
      expect(await audited()).toBe(auditedBefore);
    },
  );

  it.each(IDENTITIES)(
    'answers ids that exist nowhere with a code, as %s, and writes nothing',
    async (identity) => {
      const before = await snapshotDatabase(suite.api.database.dataSource);
      await sendAll(
        identity,
        cases.filter((c) => c.unknownId && !c.foreign),
      );
      // Refused mutations are audited, by design: the audit log is left out of the snapshot.
      expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
    },
  );

  it.each(OTHER_ROLES)(
    "answers another agency's ids with a code, as its %s, and writes nothing",
    async (role) => {
      const before = await snapshotDatabase(suite.api.database.dataSource);
      await sendAll(
        `other ${role}`,
        cases.filter((c) => c.foreign),
      );
      expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
    },
  );
});
