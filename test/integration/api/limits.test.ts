import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/** No one request may ask for so much that it ties up the database: depth and cost limits. */
describe('query depth and cost limits', () => {
  const suite = apiSuite();
  let instanceId = '';
  beforeAll(async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    instanceId = await suite.f.start('birth-registration', 'HS-LIMITS');
  });

  it('answers a query nested within the limit and refuses one deeper, before running it', async () => {
    const fine = await suite.api.graphql(
      `query ($id: ID!) { processInstance(id: $id) { openTasks { processInstance { openTasks {
         processInstance { openTasks { processInstance { definition { key } } } } } } } } }`,
      { id: instanceId },
    );
    expect(fine.errors).toBeUndefined();
    expect(fine.data?.processInstance.openTasks).toHaveLength(1);
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const deep = await suite.api.graphql(
      `mutation { startProcess(key: "birth-registration") { ${'children { '.repeat(10)}id${' }'.repeat(10)} } }`,
    );
    expect(deep.data).toBeUndefined();
    expect(deep.errors).toEqual([
      expect.objectContaining({
        message: 'The query nests 12 levels deep, above the limit of 10',
        extensions: { code: 'QUERY_TOO_DEEP', userMessage: 'Yêu cầu dữ liệu lồng quá nhiều cấp.' },
      }),
    ]);
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });

  it('counts pages at their size and refuses a query that would cost too much', async () => {
    const page = (first: number) =>
      suite.api.graphql(
        `query ($first: Int) { tasks(first: $first) { edges { node { id processInstance {
           history { eventType elementId actor at } children { history { eventType at } } } } } } }`,
        { first },
      );
    expect((await page(20)).errors).toBeUndefined();
    const costly = await page(100);
    expect(costly.data).toBeUndefined();
    expect(costly.errors?.[0].extensions).toEqual({
      code: 'QUERY_TOO_COSTLY',
      userMessage: 'Yêu cầu quá nhiều dữ liệu một lần; hãy chia nhỏ trang.',
    });
    expect(costly.errors?.[0].message).toMatch(/above the limit of 20000/);
  });

  it('lets the introspection a modeler or IDE sends through whatever its depth', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const body = await suite.api.graphql(getIntrospectionQuery(), {}, null);
    expect(body.errors).toBeUndefined();
  });
});
