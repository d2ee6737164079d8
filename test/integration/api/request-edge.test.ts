import { Writable } from 'node:stream';
import request from 'supertest';
import { createLogger } from '../../../src/logger';
import { createTestApi, type TestApi } from '../../support/api';

/** Log lines as the server writes them, parsed. */
function capturedLogger() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });
  return { logger: createLogger('info', sink), lines };
}

/**
 * What every request meets before GraphQL: an id that its log lines carry, and limits per client
 * address and per officer that answer 429 with Retry-After in GraphQL's error shape.
 */
describe('the edge of every request', () => {
  let api: TestApi;
  const captured = capturedLogger();
  beforeAll(async () => {
    api = await createTestApi(undefined, {
      logger: captured.logger,
      rateLimits: {
        perClient: { perMinute: 60, burst: 8 },
        perOfficer: { perMinute: 60, burst: 3 },
      },
    });
  });
  afterAll(() => api.close());

  const ask = (token: string | null, requestId?: string) => {
    const post = request(api.server.app).post('/graphql');
    if (token) post.set('authorization', `Bearer ${token}`);
    if (requestId) post.set('x-request-id', requestId);
    return post.send({ query: '{ me { username } }' });
  };

  it('gives each request an id, echoes the one it came with, and logs it on its lines', async () => {
    const given = await ask(null, 'lb-7f3a.42');
    expect(given.headers['x-request-id']).toBe('lb-7f3a.42');
    const made = await ask(null, 'not an id: spaces and \u00e9');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const logged = captured.lines.filter((line) => line.msg === 'request');
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestId: 'lb-7f3a.42', method: 'POST', path: '/graphql' }),
        expect.objectContaining({ requestId: made.headers['x-request-id'], status: 200 }),
      ]),
    );
  });

  it('refuses an officer past their limit with 429 and Retry-After, and no one else', async () => {
    const busy = await api.officer('ban.ron', ['worker']);
    const other = await api.officer('ban.khac', ['worker']);
    const answers = [];
    for (let n = 0; n < 4; n++) answers.push(await ask(busy));
    expect(answers.slice(0, 3).map((a) => a.status)).toEqual([200, 200, 200]);
    const refused = answers[3];
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limitedBy: 'officer',
      retryAfterSeconds: Number(refused.headers['retry-after']),
      userMessage: expect.stringContaining('giây'),
    });
    expect((await ask(other)).status).toBe(200);
  });

  it('refuses a client address past its limit, but never the health checks', async () => {
    let refused;
    for (let n = 0; n < 20 && !refused; n++) {
      const answer = await ask(null);
      if (answer.status === 429) refused = answer;
    }
    expect(refused?.headers['retry-after']).toMatch(/^\d+$/);
    expect(refused?.body.errors[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      limitedBy: 'client',
    });
    expect((await request(api.server.app).get('/livez')).status).toBe(200);
    expect((await request(api.server.app).get('/readyz')).status).toBe(200);
  });
});
