import express from 'express';
import { probeDatabase } from '../store/gauges';
import type { Store } from '../store/store';

/** How long readiness waits for the database before calling it slow. */
const DEFAULT_DEADLINE_MS = 1000;

/**
 * The questions an orchestrator or a load balancer asks:
 * - /livez: is this process alive? Yes while it answers at all; a database that is down is not
 *   a reason to restart the server (every server would restart at once).
 * - /readyz (and /healthz, its earlier name): should it get requests? Only while the database
 *   answers in time and the server is not stopping; the answer says which of those failed:
 *   `database.state` down (refused or broken: restart or fail over PostgreSQL) or slow (it
 *   answers, late: overloaded, or every connection busy).
 */
export function healthRoutes(
  store: Store,
  options: { deadlineMs?: number; stopping: () => boolean },
): express.Router {
  const router = express.Router();
  router.get('/livez', (_request, response) => {
    response.json({ status: 'alive' });
  });
  const ready: express.RequestHandler = async (_request, response) => {
    if (options.stopping()) {
      response.status(503).json({ status: 'stopping' });
      return;
    }
    const database = await probeDatabase(store, options.deadlineMs ?? DEFAULT_DEADLINE_MS);
    if (database.state === 'ok') response.json({ status: 'ready', database });
    else response.status(503).json({ status: 'unavailable', database });
  };
  router.get(['/readyz', '/healthz'], ready);
  return router;
}
