import pino from 'pino';
import request from 'supertest';
import { createApiServer, type ApiOptions, type ApiServer } from '../../src/api/server';
import { deployCalendars } from '../../src/store/calendars';
import { projectCalendarFiles } from './calendar';
import { createTestDatabase, type TestDatabase } from './database';
import { seedOfficer } from './officers';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown>; path?: string[] }[];
}

export interface TestApi {
  database: TestDatabase;
  server: ApiServer;
  /** The token of the test officer every request signs in as, unless told otherwise. */
  token: string;
  /**
   * Sends a GraphQL request over real HTTP and returns the parsed body, signed in as the test
   * officer, as `token`'s officer, or (`token: null`) as nobody.
   */
  graphql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Like graphql, but fails the test on any error and returns `data`. */
  ok<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<T>;
  /**
   * The token of an officer of the test commune (or of `agencyCode`) with these roles, made on
   * first use; the same name gives the same officer.
   */
  officer(username: string, roles: string[], agencyCode?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A fresh database and the real HTTP app over it; the clock can be set by the test, and options
 * of the server (its logger, its rate limits) given. A test may bring its own `database`, and
 * say which agency the test officer is of (`tester`: its code and kind).
 */
export async function createTestApi(
  clock: { now: Date } = { now: new Date('2026-03-02T02:00:00Z') },
  options: Partial<
    Pick<
      ApiOptions,
      | 'logger'
      | 'rateLimits'
      | 'nationalReporting'
      | 'bankNoticeSecret'
      | 'portalSubmissionSecret'
      | 'signing'
    >
  > & {
    database?: TestDatabase;
    tester?: { agencyCode: string; agencyKind: string };
  } = {},
): Promise<TestApi> {
  const { database: given, tester, ...serverOptions } = options;
  const database = given ?? (await createTestDatabase());
  // As `npm start` does: the office's calendar is deployed before anything runs.
  await deployCalendars(database.store, await projectCalendarFiles(), clock.now);
  const server = await createApiServer({
    store: database.store,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    now: () => clock.now,
    ...serverOptions,
  });
  const token = await seedTestOfficer(database, clock.now, tester);
  const officers = new Map<string, string>();
  const graphql = async <T>(
    query: string,
    variables?: Record<string, unknown>,
    as: string | null = token,
  ) => {
    const post = request(server.app).post('/graphql');
    if (as) post.set('authorization', `Bearer ${as}`);
    const response = await post.send({ query, variables });
    return response.body as GraphQLResponse<T>;
  };
  return {
    database,
    server,
    token,
    graphql,
    officer: async (username: string, roles: string[], agencyCode?: string) => {
      const known = officers.get(username);
      if (known) return known;
      const made = await seedOfficer(database.dataSource, {
        username,
        roles,
        agencyCode,
        now: clock.now,
      });
      officers.set(username, made);
      return made;
    },
    ok: async <T>(query: string, variables?: Record<string, unknown>, as?: string) => {
      const body = await graphql<T>(query, variables, as);
      if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
      return body.data as T;
    },
    close: async () => {
      await server.stop();
      await database.drop();
    },
  };
}

/**
 * The officer feature tests sign in as: an administrator, designer, leader and worker of a test
 * commune. Tests of who may do what make their own officers.
 */
function seedTestOfficer(
  database: TestDatabase,
  now: Date,
  agency?: { agencyCode: string; agencyKind: string },
): Promise<string> {
  return seedOfficer(database.dataSource, {
    username: 'tester',
    roles: ['admin', 'designer', 'leader', 'worker'],
    now,
    ...agency,
  });
}
