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
  const server = await createApiServer({ dataSource, logger: pino({ level: 'silent' }) });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  const key = await signingKey(dataSource);
  const tokens = new Map<string, string>();
  return {
    async call<T>(token: string, query: string, variables?: object): Promise<T> {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data as T;
    },
    async officer(username, roles, agencyCode) {
      const known = tokens.get(username);
      if (known) return known;
      const now = new Date();
      if (!(await dataSource.getRepository(AgencyEntity).findOneBy({ code: agencyCode }))) {
        await createAgency(dataSource, {
          code: agencyCode,
          name: agencyCode,
          kind: 'commune',
          now,
        });
      }
      const officer = await createOfficer(dataSource, {
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
    stop: () => server.stop(),
  };
}
