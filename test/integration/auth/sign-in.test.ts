import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import pino from 'pino';
import request from 'supertest';
import { createApiServer } from '../../../src/api/server';
import { apiSuite } from '../../support/flows';
import { seedOfficer } from '../../support/officers';

const HOUR = 3600_000;

describe('signing in', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const me = (token: string | null) =>
    suite.api.graphql(`{ me { username fullName agency { code } roles covering } }`, {}, token);
  const login = (username: string, password: string) =>
    suite.api.graphql(
      `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token expiresAt officer { username roles } } }`,
      { u: username, p: password },
      null,
    );

  beforeAll(async () => {
    await seedOfficer(suite.api.database.dataSource, {
      username: 'nguyen.tiepnhan',
      roles: ['reception'],
      password: 'mot-mat-khau-dai',
      now: clock.now,
    });
  });

  it('gives a token for the right password, which names the officer and their roles', async () => {
    const { data } = await login('nguyen.tiepnhan', 'mot-mat-khau-dai');
    expect(data?.login.officer).toEqual({ username: 'nguyen.tiepnhan', roles: ['reception'] });
    expect(data?.login.expiresAt).toBe(new Date(clock.now.getTime() + 8 * HOUR).toISOString());
    const { data: who } = await me(data?.login.token);
    expect(who?.me).toMatchObject({ username: 'nguyen.tiepnhan', roles: ['reception'] });
  });

  it('refuses a wrong password or an unknown name alike, and stops guessing after five tries', async () => {
    const wrong = await login('nguyen.tiepnhan', 'sai-mat-khau-roi');
    const unknown = await login('khong.co.ai', 'sai-mat-khau-roi');
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'Wrong username or password',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    for (let i = 0; i < 4; i++) await login('nguyen.tiepnhan', 'sai-mat-khau-roi');
    // Even the right password waits now.
    const limited = await login('nguyen.tiepnhan', 'mot-mat-khau-dai');
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    clock.now = new Date(clock.now.getTime() + HOUR);
    expect((await login('nguyen.tiepnhan', 'mot-mat-khau-dai')).data?.login.token).toBeTruthy();
  });

  it('refuses an expired or tampered token', async () => {
    const { data } = await login('nguyen.tiepnhan', 'mot-mat-khau-dai');
    const token: string = data?.login.token;
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = [
      header,
      Buffer.from(
        JSON.stringify({ ...claims, sub: '00000000-0000-4000-8000-000000000000' }),
      ).toString('base64url'),
      signature,
    ].join('.');
    expect((await me(forged)).errors?.[0]).toMatchObject({
      message: 'The token is not valid',
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect((await me('not-a-token')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    clock.now = new Date(clock.now.getTime() + 9 * HOUR);
    expect((await me(token)).errors?.[0]).toMatchObject({
      message: 'The token has expired: sign in again',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  it("lets a backup take an absent officer's role while the absence lasts", async () => {
    const dataSource = suite.api.database.dataSource;
    // The official also administers the commune's system: that role is never covered.
    await seedOfficer(dataSource, {
      username: 'tran.hotich',
      roles: ['civil_status', 'admin'],
      agencyCode: 'xa-xuan-hoa',
      now: clock.now,
    });
    const backup = await seedOfficer(dataSource, {
      username: 'le.vanhoa',
      roles: [
        { role: 'culture', kind: 'official' },
        { role: 'civil_status', kind: 'backup' },
        { role: 'admin', kind: 'backup' },
      ],
      agencyCode: 'xa-xuan-hoa',
      now: clock.now,
    });
    const leader = await seedOfficer(dataSource, {
      username: 'pham.chutich',
      roles: ['leader'],
      agencyCode: 'xa-xuan-hoa',
      now: clock.now,
    });
    const otherLeader = await seedOfficer(dataSource, {
      username: 'vo.chutich',
      roles: ['leader'],
      agencyCode: 'xa-tan-lap',
      now: clock.now,
    });
    expect((await me(backup)).data?.me).toMatchObject({ roles: ['culture'], covering: [] });

    const away = (token: string) =>
      suite.api.graphql(
        `mutation ($from: DateTime!, $to: DateTime!) { setAbsence(username: "tran.hotich", startsAt: $from, endsAt: $to, reason: "Nghỉ phép") { setBy } }`,
        {
          from: new Date(clock.now.getTime() + HOUR).toISOString(),
          to: new Date(clock.now.getTime() + 49 * HOUR).toISOString(),
        },
        token,
      );
    // Only a leader of the same agency sets it.
    expect((await away(otherLeader)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await away(backup)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await away(leader)).data?.setAbsence).toEqual({ setBy: 'pham.chutich' });

    expect((await me(backup)).data?.me.covering).toEqual([]);
    clock.now = new Date(clock.now.getTime() + 2 * HOUR);
    expect((await me(backup)).data?.me).toMatchObject({
      roles: ['civil_status', 'culture'],
      covering: ['civil_status'],
    });
    clock.now = new Date(clock.now.getTime() + 48 * HOUR);
    expect((await me(backup)).data?.me).toMatchObject({ roles: ['culture'], covering: [] });
  });
});

describe("an external identity provider's tokens", () => {
  const suite = apiSuite();
  let jwks: http.Server;

  afterAll(() => new Promise((resolve) => jwks.close(resolve)));

  it('are accepted through its JWKS, naming the officer by the configured claim', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
    jwks = http.createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, resolve));
    const { port } = jwks.address() as AddressInfo;
    await seedOfficer(suite.api.database.dataSource, {
      username: 'dang.diachinh',
      roles: ['land'],
    });
    const server = await createApiServer({
      store: suite.api.database.store,
      logger: pino({ level: 'silent' }),
      identityProvider: {
        jwksUrl: `http://127.0.0.1:${port}/jwks`,
        issuer: 'https://sso.tinh.gov.vn',
        usernameClaim: 'preferred_username',
      },
    });
    const sign = (claims: Record<string, unknown>, issuer = 'https://sso.tinh.gov.vn') =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
        .setIssuer(issuer)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
    const ask = async (token: string) =>
      (
        await request(server.app)
          .post('/graphql')
          .set('authorization', `Bearer ${token}`)
          .send({ query: '{ me { username roles } }' })
      ).body;
    try {
      expect((await ask(await sign({ preferred_username: 'dang.diachinh' }))).data.me).toEqual({
        username: 'dang.diachinh',
        roles: ['land'],
      });
      const wrongIssuer = await ask(
        await sign({ preferred_username: 'dang.diachinh' }, 'https://other.example'),
      );
      expect(wrongIssuer.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const stranger = await ask(await sign({ preferred_username: 'nobody.here' }));
      expect(stranger.errors[0].message).toBe('The token names no active officer');
    } finally {
      await server.stop();
    }
  });
});
