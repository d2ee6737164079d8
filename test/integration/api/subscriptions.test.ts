import type { AddressInfo } from 'node:net';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';
import { seedOfficer } from '../../support/officers';

const HOUR = 3_600_000;

/** A subscription's events, one at a time, with a time limit so that a missing one fails fast. */
function stream(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events = client.iterate<any>({ query, variables });
  return {
    next: async (ms = 5_000): Promise<any> => {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no event within ${ms} ms`)), ms);
      });
      try {
        const result = await Promise.race([events.next(), timeout]);
        return result.done ? undefined : result.value;
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => events.return?.(),
  };
}

/** Live changes over graphql-ws: signed in, and only what each officer may see. */
describe('subscriptions over WebSocket', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const clients: Client[] = [];
  let url = '';

  const connect = (token?: string, onClose?: (code: number) => void) => {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      on: { closed: (event) => onClose?.((event as { code: number }).code) },
      onNonLazyError: () => undefined,
    });
    clients.push(client);
    return client;
  };
  const startDossier = (code: string, token?: string) =>
    suite.api.ok(
      `mutation ($code: String) { startProcess(key: "birth-registration", businessKey: $code) { id } }`,
      { code },
      token,
    );

  beforeAll(async () => {
    const { httpServer } = suite.api.server;
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    url = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
  });

  it('sends each officer the new tasks of their inbox, and no one else’s', async () => {
    const reception = stream(
      connect(await suite.api.officer('le.tiepnhan', ['reception'])),
      `subscription { taskChanged { elementId state assignee processInstance { businessKey } } }`,
    );
    const civil = stream(
      connect(await suite.api.officer('tran.hotich', ['civil_status'])),
      `subscription { taskChanged { elementId state } }`,
    );
    // Let both subscriptions reach the server before anything changes.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const receptionToken = await suite.api.officer('le.tiepnhan', ['reception']);
    const { startProcess } = await startDossier('HS-LIVE-1', receptionToken);
    expect(await reception.next()).toEqual({
      data: {
        taskChanged: {
          elementId: 'Task_Receive',
          state: 'OPEN',
          assignee: null,
          processInstance: { businessKey: 'HS-LIVE-1' },
        },
      },
    });
    await suite.f.complete(startProcess.id, 'Task_Receive');
    expect((await reception.next()).data.taskChanged).toMatchObject({
      elementId: 'Task_Receive',
      state: 'COMPLETED',
    });
    // The first the civil status officer hears of is their own step, not reception's.
    expect((await civil.next()).data.taskChanged).toEqual({
      elementId: 'Task_Check',
      state: 'OPEN',
    });
    await reception.close();
    await civil.close();
  });

  it('follows one dossier by its code', async () => {
    const token = await suite.api.officer('le.tiepnhan', ['reception']);
    const dossier = stream(
      connect(token),
      `subscription ($code: String!) { dossierChanged(code: $code) { businessKey status openTasks { elementId } } }`,
      { code: 'HS-LIVE-2' },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await startDossier('HS-LIVE-3', token);
    const { startProcess } = await startDossier('HS-LIVE-2', token);
    expect((await dossier.next()).data.dossierChanged).toEqual({
      businessKey: 'HS-LIVE-2',
      status: 'ACTIVE',
      openTasks: [{ elementId: 'Task_Receive' }],
    });
    await suite.f.complete(startProcess.id, 'Task_Receive');
    expect((await dossier.next()).data.dossierChanged.openTasks).toEqual([
      { elementId: 'Task_Check' },
    ]);
    await dossier.close();
  });

  it('refuses a connection without a valid token, and a subscription over plain HTTP', async () => {
    const codes: number[] = [];
    const anonymous = stream(
      connect(undefined, (code) => codes.push(code)),
      `subscription { taskChanged { id } }`,
    );
    await expect(anonymous.next()).rejects.toBeDefined();
    expect(codes).toContain(4403);
    const forged = stream(
      connect('not-a-token', (code) => codes.push(code)),
      `subscription { taskChanged { id } }`,
    );
    await expect(forged.next()).rejects.toBeDefined();
    expect(codes.filter((code) => code === 4403)).toHaveLength(2);
    const overHttp = await suite.api.graphql(`subscription { taskChanged { id } }`);
    expect(overHttp.errors?.[0]).toBeDefined();
  });

  it('holds at most twenty subscriptions on one connection', async () => {
    const client = connect(await suite.api.officer('le.tiepnhan', ['reception']));
    const held = Array.from({ length: 20 }, () =>
      stream(client, `subscription { taskChanged { id } }`),
    );
    // Each starts at its first read; give them time to reach the server.
    const pending = held.map((s) => s.next(10_000).catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const extra = stream(client, `subscription { taskChanged { id } }`);
    await expect(extra.next()).rejects.toEqual([
      expect.objectContaining({
        extensions: {
          code: 'RATE_LIMITED',
          userMessage: 'Bạn đã thử quá nhiều lần; vui lòng chờ ít phút rồi thử lại.',
        },
      }),
    ]);
    await Promise.all(held.map((s) => s.close()));
    await Promise.all(pending);
  });

  it('closes the connection at the first event after its token has expired', async () => {
    await seedOfficer(suite.api.database.dataSource, {
      username: 'vo.tiepnhan',
      roles: ['reception'],
      password: 'mot-mat-khau-dai',
      now: clock.now,
    });
    const { login } = await suite.api.ok(
      `mutation { login(username: "vo.tiepnhan", password: "mot-mat-khau-dai") { token } }`,
    );
    const codes: number[] = [];
    const inbox = stream(
      connect(login.token, (code) => codes.push(code)),
      `subscription { taskChanged { elementId } }`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    await startDossier('HS-LIVE-4');
    expect((await inbox.next()).data.taskChanged).toEqual({ elementId: 'Task_Receive' });
    clock.now = new Date(clock.now.getTime() + 9 * HOUR);
    await startDossier('HS-LIVE-5');
    await expect(inbox.next()).rejects.toBeDefined();
    expect(codes).toEqual([4401]);
  });
});
