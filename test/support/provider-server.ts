import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProviderRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown>;
  raw: string;
}

/** What the provider does with the next request: answer, fail, or take it and drop the line. */
export type Behaviour = 'answer' | 'fail' | 'accept-then-drop';

export interface TestProvider {
  url: string;
  port: number;
  /** Every request that reached it, in order. */
  requests: ProviderRequest[];
  /** What it delivered: one per idempotency key, the first time it was seen. */
  delivered: ProviderRequest[];
  /** The next requests' behaviours, in order; then it answers. */
  next(...behaviours: Behaviour[]): void;
  /** Stops listening (a restart's first half); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

/**
 * A provider's HTTP API on a free port (SMS, Zalo, the portal): it records each request, and
 * delivers a request once per idempotency key (`keyOf`), as the providers promise; its answer
 * is `answer(request)` as JSON.
 */
export async function startProvider(options: {
  keyOf: (request: ProviderRequest) => string;
  answer: (request: ProviderRequest) => Record<string, unknown>;
}): Promise<TestProvider> {
  const requests: ProviderRequest[] = [];
  const delivered: ProviderRequest[] = [];
  const seen = new Set<string>();
  const queue: Behaviour[] = [];
  const sockets = new Set<import('node:net').Socket>();
  let server: Server;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((incoming, response) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          const request = {
            path: incoming.url ?? '',
            headers: incoming.headers,
            body: JSON.parse(raw),
            raw,
          };
          requests.push(request);
          const behaviour = queue.shift() ?? 'answer';
          if (behaviour === 'fail') {
            response.writeHead(503, { 'content-type': 'application/json' });
            response.end(JSON.stringify({ error: 'UNAVAILABLE' }));
            return;
          }
          const key = options.keyOf(request);
          if (!seen.has(key)) {
            seen.add(key);
            delivered.push(request);
          }
          if (behaviour === 'accept-then-drop') {
            incoming.socket.destroy();
            return;
          }
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(options.answer(request)));
        });
      });
      server.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();
  return {
    get url() {
      return `http://127.0.0.1:${port}/api`;
    },
    get port() {
      return port;
    },
    requests,
    delivered,
    next: (...behaviours) => queue.push(...behaviours),
    stop: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
    start: listen,
  };
}
