import pino from 'pino';
import request from 'supertest';
import { createApiServer, type ApiServer } from '../../../src/api/server';
import { cli } from '../../support/cli';
import { createTestDatabase, snapshotDatabase, type TestDatabase } from '../../support/database';

/**
 * A new database's first administrator, made by the command line (`first-admin`, the password
 * on standard input), signs in over HTTP; a second is refused, and a refusal changes nothing.
 */
describe('the first administrator', () => {
  let database: TestDatabase;
  let server: ApiServer;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await createApiServer({ store: database.store, logger: pino({ level: 'silent' }) });
  });
  afterAll(async () => {
    await server.stop();
    await database.drop();
  });
  const env = () => ({ DATABASE_URL: database.url });
  const snapshot = () => snapshotDatabase(database.dataSource);
  const login = async (username: string, password: string) => {
    const response = await request(server.app)
      .post('/graphql')
      .send({
        query: `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { officer { username roles } } }`,
        variables: { u: username, p: password },
      });
    return response.body as { data?: { login: { officer: unknown } } };
  };

  it('refuses, changing nothing, a new agency without a name, a short password and bad usage', async () => {
    const before = await snapshot();
    const unnamed = await cli(
      ['first-admin', 'tran.quantri', 'so-noi-vu'],
      env(),
      'mat-khau-du-dai\n',
    );
    expect(unnamed).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("No agency 'so-noi-vu'"),
    });
    const short = await cli(
      ['first-admin', 'tran.quantri', 'so-noi-vu', '--agency-name=Sở Nội vụ'],
      env(),
      'ngan\n',
    );
    expect(short).toMatchObject({ code: 1, stderr: expect.stringContaining('password') });
    expect(await cli(['first-admin', 'tran.quantri'], env())).toMatchObject({ code: 2 });
    expect(await snapshot()).toEqual(before);
  }, 60_000);

  it('makes the administrator and their agency, who then signs in; a second is refused', async () => {
    const made = await cli(
      [
        'first-admin',
        'tran.quantri',
        'so-noi-vu',
        '--name=Trần Quản Trị',
        '--agency-name=Sở Nội vụ',
      ],
      env(),
      'mat-khau-du-dai\n',
    );
    expect(made).toMatchObject({ code: 0, stdout: expect.stringContaining("'tran.quantri'") });
    const { data } = await login('tran.quantri', 'mat-khau-du-dai');
    expect(data?.login.officer).toEqual({ username: 'tran.quantri', roles: ['admin'] });

    const before = await snapshot();
    const second = await cli(
      ['first-admin', 'le.quantri', 'so-noi-vu'],
      env(),
      'mat-khau-khac-dai\n',
    );
    expect(second).toMatchObject({ code: 1, stderr: expect.stringContaining('tran.quantri') });
    expect(await snapshot()).toEqual(before);
  }, 60_000);
});
