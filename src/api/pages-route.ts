import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import { PROJECT_ROOT } from '../config';

/** The pages built from web/ (see web/vite.config.mts), by their address. */
export const PAGES = ['lookup', 'inbox', 'dashboard', 'designer'] as const;

/**
 * Content Security Policy of the pages: their own scripts, styles and the GraphQL API only;
 * nothing inline, nothing from elsewhere, no framing.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Serves the built pages at `/lookup` (…) and their assets at `/app/assets/`, whose names carry
 * a hash of their content and so are cached for good.
 */
export function pagesRoute(webDist = path.join(PROJECT_ROOT, 'web', 'dist')): express.Router {
  const router = express.Router();
  router.use(
    '/app/assets',
    express.static(path.join(webDist, 'assets'), { immutable: true, maxAge: '365d', index: false }),
  );
  for (const page of PAGES) {
    router.get(`/${page}`, (_request, response) => {
      const file = path.join(webDist, `${page}.html`);
      if (!existsSync(file)) {
        response.status(503).type('text').send('The pages are not built yet: npm run build\n');
        return;
      }
      response
        .set({
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'cache-control': 'no-cache',
        })
        .sendFile(file);
    });
  }
  return router;
}
