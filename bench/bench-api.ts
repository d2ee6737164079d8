import { Store } from '../src/store/store';
import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createApiServer } from '../src/api/server';
import { createAgency, createOfficer } from '../src/auth/officers';
import { issueToken, signingKey } from '../src/auth/tokens';
import { AgencyEntity } from '../src/store/entities';

export interface BenchApi {
  /** Sends one GraphQL request over HTTP as `token`'s officer; throws on any error. */
  call<T>(token: string, query: string, variables?: object): Promise<T>;
  /** An officer of `agencyCode` (made with it if new) with these roles, signed in; once by name. */
  officer(username: string, roles: string[], agencyCode: string): Promise<string>;
  stop(): Promise<void>;
}

/** The real API server on a local port, as the pages and portals reach it. */
export async function startBenchApi(dataSource: DataSource): Promise<BenchApi> {
  const server = await createApiServer({
    store: Store.of(dataSource),
    logger: pino({ level: 'silent' }),
  });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  // Kept-alive connections through node:http: the client shares the server's two cores, and
  // `fetch` spends several times the CPU per request that this does.
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const key = await signingKey(Store.of(dataSource));
  const tokens = new Map<string, string>();
  return {
    async call<T>(token: string, query: string, variables?: object): Promise<T> {
      const body = await new Promise<{ data?: T; errors?: unknown[] }>((resolve, reject) => {
        const sent = request(
          {
            host: '127.0.0.1',
            port,
            path: '/graphql',
            method: 'POST',
            agent,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () => {
              try {
                resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
              } catch (error) {
                reject(new Error(`HTTP ${response.statusCode}: ${String(error)}`));
              }
            });
          },
        );
        sent.on('error', reject);
        sent.end(JSON.stringify({ query, variables }));
      });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    },
    async officer(username, roles, agencyCode) {
      const known = tokens.get(username);
      if (known) return known;
      const now = new Date();
      if (!(await dataSource.getRepository(AgencyEntity).findOneBy({ code: agencyCode }))) {
        await createAgency(Store.of(dataSource), {
          code: agencyCode,
          name: agencyCode,
          kind: 'commune',
          now,
        });
      }
      const officer = await createOfficer(Store.of(dataSource), {
        username,
        fullName: username,
        agencyCode,
        roles: roles.map((role) => ({ role, kind: 'official' as const })),
        now,
      });
      const token = await issueToken(key, officer, now, 600);
      tokens.set(username, token);
      return token;
    },
    stop: () => {
      agent.destroy();
      return server.stop();
    },
  };
}
