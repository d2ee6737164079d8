import request from 'supertest';
import { createTestApi, type TestApi } from '../../support/api';
import { snapshotDatabase } from '../../support/database';

/**
 * What reaches the server before GraphQL does: bodies that are too large or not JSON (health is
 * in health.test.ts, request ids and rate limits in request-edge.test.ts).
 */
describe('HTTP edges', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('refuses a body that is not JSON, in GraphQL error shape', async () => {
    const response = await request(api.server.app)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send('{"query": ');
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a 20 MB BPMN by size before reading it, and deploys nothing', async () => {
    const before = await snapshotDatabase(api.database.dataSource);
    const xml = `<bpmn:definitions>${' '.repeat(20 * 1024 * 1024)}</bpmn:definitions>`;
    const response = await request(api.server.app).post('/graphql').send({
      query: 'mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }',
      variables: { xml },
    });
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await snapshotDatabase(api.database.dataSource)).toEqual(before);
  });

  it('passes GraphQL syntax and validation errors through with their codes', async () => {
    expect((await api.graphql('{ tasks(')).errors?.[0].extensions?.code).toBe(
      'GRAPHQL_PARSE_FAILED',
    );
    expect((await api.graphql('{ noSuchField }')).errors?.[0].extensions?.code).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});
