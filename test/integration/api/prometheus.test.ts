import express from 'express';
import request from 'supertest';
import { OperationsMetrics } from '../../../src/api/prometheus';
import { apiSuite } from '../../support/flows';

/** The operations view at /metrics, in Prometheus' text format. */
describe('/metrics', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const suite = apiSuite(clock);

  it('counts requests and GraphQL operations, and reads open tasks, incidents and job lag', async () => {
    await suite.api.graphql(`{ procedures { code } }`, {}, null);
    await suite.api.graphql(`{ procedures { nothing } }`, {}, null);
    const response = await request(suite.api.server.app).get('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const text = response.text;
    expect(text).toContain(
      'tthc_http_requests_total{route="/graphql",method="POST",status="200"} 1',
    );
    expect(text).toContain(
      'tthc_graphql_operation_duration_seconds_count{operation="procedures",outcome="ok"} 1',
    );
    expect(text).toMatch(/tthc_open_tasks \d+/);
    expect(text).toMatch(/tthc_open_incidents 0/);
    expect(text).toMatch(/tthc_job_lag_seconds \d+/);
    expect(text).toContain('tthc_process_cpu_seconds_total');
  });

  it('answers only whoever shows METRICS_TOKEN when one is set', async () => {
    const metrics = new OperationsMetrics(suite.api.database.store, () => clock.now, 's3cret');
    const app = express().get('/metrics', metrics.route);
    expect((await request(app).get('/metrics')).status).toBe(403);
    expect((await request(app).get('/metrics').set('authorization', 'Bearer wrong')).status).toBe(
      403,
    );
    expect((await request(app).get('/metrics').set('authorization', 'Bearer s3cret')).status).toBe(
      200,
    );
  });
});
