import { checkConsistency } from '../../src/store/consistency';
import { createTestApi, type TestApi } from './api';

/** Short verbs over the public GraphQL API, for feature tests that walk a process. */
export function flows(api: TestApi) {
  const instance = async (id: string) =>
    (
      await api.ok(
        `query ($id: ID!) { processInstance(id: $id) {
           id status businessKey variables
           openTasks { id elementId name candidateGroups }
           history { eventType elementId elementType }
         } }`,
        { id },
      )
    ).processInstance;

  return {
    deploy: async (xml: string) =>
      (
        await api.ok(
          `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { definitions { key version } warnings { message } } }`,
          { xml },
        )
      ).deployProcess,

    start: async (key: string, businessKey?: string, variables?: Record<string, unknown>) =>
      (
        await api.ok(
          `mutation ($key: String!, $bk: String, $v: JSON) { startProcess(key: $key, businessKey: $bk, variables: $v) { id } }`,
          { key, bk: businessKey, v: variables },
        )
      ).startProcess.id as string,

    instance,

    /** The element ids of the instance's open tasks. */
    waitingAt: async (id: string) =>
      (await instance(id)).openTasks.map((t: { elementId: string }) => t.elementId),

    /** Completes the open task at `elementId`. */
    complete: async (id: string, elementId: string, variables?: Record<string, unknown>) => {
      const task = (await instance(id)).openTasks.find(
        (t: { elementId: string }) => t.elementId === elementId,
      );
      if (!task) throw new Error(`no open task at ${elementId}`);
      return api.ok(
        `mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { state } }`,
        {
          id: task.id,
          v: variables,
        },
      );
    },

    correlate: (name: string, correlationKey?: string, variables?: Record<string, unknown>) =>
      api.graphql(
        `mutation ($name: String!, $key: String, $v: JSON) {
           correlateMessage(name: $name, correlationKey: $key, variables: $v) { kind elementId processInstances { id businessKey status } } }`,
        { name, key: correlationKey, v: variables },
      ),

    /** The history as "EVENT element" lines, optionally only some event types. */
    historyOf: async (id: string, ...types: string[]) =>
      (await instance(id)).history
        .filter((e: { eventType: string }) => types.length === 0 || types.includes(e.eventType))
        .map((e: { eventType: string; elementId: string }) => `${e.eventType} ${e.elementId}`),

    /** Every task of the instance with its state, by element. */
    taskStates: async (id: string) =>
      (
        await api.ok(
          `query ($id: ID!) { tasks(filter: { processInstanceId: $id }, first: 100) { edges { node { elementId state } } } }`,
          {
            id,
          },
        )
      ).tasks.edges.map(
        (e: { node: { elementId: string; state: string } }) =>
          `${e.node.elementId}:${e.node.state}`,
      ),
  };
}

/**
 * A fresh API and database for a `describe` block, opened before its tests and closed after:
 * `const suite = apiSuite(); ... suite.f.start(...)`.
 */
export function apiSuite(
  clock?: { now: Date },
  /**
   * The API's options, and what the test started beside it and stops first (a job runner, a
   * provider).
   */
  options: Parameters<typeof createTestApi>[1] & { beforeClose?: () => Promise<void> } = {},
): {
  readonly api: TestApi;
  readonly f: ReturnType<typeof flows>;
} {
  let api: TestApi | undefined;
  let helpers: ReturnType<typeof flows> | undefined;
  const { beforeClose, ...apiOptions } = options;
  beforeAll(async () => {
    api = await createTestApi(clock, apiOptions);
    helpers = flows(api);
  });
  afterAll(async () => {
    await beforeClose?.();
    if (!api) return;
    // Whatever the tests did, every instance, dossier and rollup still agrees with itself.
    const { problems } = await checkConsistency(api.database.store);
    await api.close();
    expect(problems).toEqual([]);
  });
  return {
    get api() {
      if (!api) throw new Error('the suite has not started');
      return api;
    },
    get f() {
      if (!helpers) throw new Error('the suite has not started');
      return helpers;
    },
  };
}
