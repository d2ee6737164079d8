import type express from 'express';

/** The path asked for, as sent (a router mounted on a path trims `request.path`), without the query. */
export const requestPath = (request: express.Request): string => request.originalUrl.split('?')[0];
