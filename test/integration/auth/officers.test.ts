import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';

/** Administrators manage officers: made once whatever the race, gone at once when they leave. */
describe('managing officers', () => {
  const suite = apiSuite();
  const create = (username: string) =>
    suite.api.graphql(
      `mutation ($u: String!) { createOfficer(input: { username: $u, fullName: "Lý Văn Phúc", agencyCode: "xa-thu-nghiem", password: "mot-mat-khau-dai", roles: [{ role: "land" }] }) { username roles } }`,
      { u: username },
    );

  it('makes an officer once when two administrators make the same one at the same moment', async () => {
    const answers = await Promise.all([create('ly.diachinh'), create('ly.diachinh')]);
    const codes = answers.map((a) => a.errors?.[0].extensions?.code ?? 'OK').sort();
    expect(codes).toEqual(['BAD_USER_INPUT', 'OK']);
    const refused = answers.find((a) => a.errors)!;
    expect(refused.errors?.[0].extensions).toMatchObject({ field: 'username' });
    expect(refused.errors?.[0].message).toBe(
      `'username' 'ly.diachinh' is taken by another officer`,
    );
    // Later, the same answer.
    const later = await create('ly.diachinh');
    expect(later.errors?.[0].message).toBe(`'username' 'ly.diachinh' is taken by another officer`);
  });

  it('stops a departed officer at once, and changes nothing of them after', async () => {
    const { login } = await suite.api.ok(
      `mutation { login(username: "ly.diachinh", password: "mot-mat-khau-dai") { token } }`,
    );
    const me = () => suite.api.graphql(`{ me { username } }`, {}, login.token);
    expect((await me()).data?.me).toEqual({ username: 'ly.diachinh' });

    await suite.api.ok(`mutation { deactivateOfficer(username: "ly.diachinh") }`);
    expect((await me()).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const again = await suite.api.graphql(
      `mutation { login(username: "ly.diachinh", password: "mot-mat-khau-dai") { token } }`,
      {},
      null,
    );
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const before = await snapshotDatabase(suite.api.database.dataSource);
    const role = await suite.api.graphql(
      `mutation { assignRole(username: "ly.diachinh", role: "leader") { username } }`,
    );
    expect(role.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'username' });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });
});
