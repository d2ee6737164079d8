import express from 'express';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { healthRoutes } from '../../../src/api/health';
import { createDataSource } from '../../../src/store/data-source';
import { Store } from '../../../src/store/store';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy';

/**
 * Liveness and readiness tell a load balancer what to do: a server whose database is dead or
 * slow stays alive (restarting it would not help) but takes no requests, and says which it is.
 * The database is reached through a proxy the test can stall or kill.
 */
describe('health and readiness', () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let dataSource: DataSource;
  let stopping = false;
  let app: express.Express;

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    const url = new URL(database.url);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
    url.port = String(proxy.port);
    dataSource = createDataSource(url.toString(), { poolSize: 2 });
    await dataSource.initialize();
    app = express().use(
      healthRoutes(Store.of(dataSource), { deadlineMs: 300, stopping: () => stopping }),
    );
  });
  afterAll(async () => {
    await dataSource.destroy().catch(() => undefined);
    await proxy.kill();
    await database.drop();
  });

  it('is ready while the database answers in time', async () => {
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', database: { state: 'ok' } });
    expect((await request(app).get('/healthz')).body).toMatchObject({ status: 'ready' });
    expect((await request(app).get('/livez')).body).toEqual({ status: 'alive' });
  });

  it('is alive but not ready, and says so, while the server stops', async () => {
    stopping = true;
    try {
      const ready = await request(app).get('/readyz');
      expect([ready.status, ready.body]).toEqual([503, { status: 'stopping' }]);
      expect((await request(app).get('/livez')).status).toBe(200);
    } finally {
      stopping = false;
    }
  });

  it('tells a slow database (answers late) from a dead one (refuses)', async () => {
    proxy.stall();
    const slow = await request(app).get('/readyz');
    expect(slow.status).toBe(503);
    expect(slow.body).toEqual({ status: 'unavailable', database: { state: 'slow', ms: 300 } });
    expect((await request(app).get('/livez')).status).toBe(200);
    proxy.resume();

    await proxy.kill();
    const dead = await request(app).get('/readyz');
    expect(dead.status).toBe(503);
    expect(dead.body).toMatchObject({ status: 'unavailable', database: { state: 'down' } });
    expect(dead.body.database.error).toEqual(expect.any(String));
    expect((await request(app).get('/livez')).status).toBe(200);
  });
});
