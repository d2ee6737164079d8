import fc from 'fast-check';
import { snapshotDatabase } from '../support/database';
import { apiSuite } from '../support/flows';
import { blockArbitrary, processOf } from '../support/generated-process';

type Body = { data?: Record<string, any> | null; errors?: { extensions?: { code?: string } }[] };

/** The codes a refused deployment may carry: anything else (an internal error) is a bug. */
const DEPLOY_REFUSALS = ['BPMN_INVALID', 'BPMN_UNSUPPORTED'];

/**
 * Property-based fuzzing of deploy-and-run through GraphQL on PostgreSQL, bounded in time:
 * generated processes deploy, start with random data and are worked to their end in a random
 * order; damaged copies of them deploy or are refused with a code, never with an internal
 * error, and a refusal writes nothing. The suite's consistency check runs at the end.
 */
describe('fuzzing deploy and run', () => {
  const suite = apiSuite();
  const api = () => suite.api;
  let runs = 0;
  afterAll(() =>
    console.info(`fuzzing: ${runs} generated processes deployed (and run, or damaged)`),
  );

  const deploy = (xml: string) =>
    api().graphql(`mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`, {
      xml,
    }) as Promise<Body>;

  it('runs every generated process to its end, each task once, whatever the order', async () => {
    const until = Date.now() + 20_000;
    await fc.assert(
      fc.asyncProperty(
        blockArbitrary,
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 60, maxLength: 60 }),
        async (block, flags, choices) => {
          if (Date.now() > until) return;
          const key = `fuzz-${++runs}`;
          const xml = processOf(block, key);
          const deployed = await deploy(xml);
          expect(deployed.errors).toBeUndefined();
          // Every variable the splits read, each true or false as the flags say.
          const names = [...new Set(xml.match(/\b[xy]\d+(?= = true)/g) ?? [])];
          const variables = Object.fromEntries(
            names.map((name, n) => [name, flags[n % flags.length]]),
          );
          const started = (await api().graphql(
            `mutation ($key: String!, $v: JSON) { startProcess(key: $key, variables: $v) { id } }`,
            { key, v: variables },
          )) as Body;
          expect(started.errors).toBeUndefined();
          const id = started.data!.startProcess.id as string;
          const done = new Set<string>();
          for (let turn = 0; turn < 100; turn++) {
            const { openTasks, status } = await suite.f.instance(id);
            if (openTasks.length === 0) {
              expect(status).toBe('COMPLETED');
              return;
            }
            const task = openTasks[choices[turn % choices.length] % openTasks.length];
            const completed = (await api().graphql(
              `mutation ($id: ID!) { completeTask(id: $id) { elementId } }`,
              { id: task.id },
            )) as Body;
            expect(completed.errors).toBeUndefined();
            // No loops in generated processes: a step done twice would be a bug.
            expect(done.has(task.elementId)).toBe(false);
            done.add(task.elementId);
          }
          throw new Error(`${key} did not end within 100 completions`);
        },
      ),
      // A time limit of our own: fast-check's would leave the run under way unawaited, its
      // steps landing in the next test's snapshots.
      { numRuns: 150 },
    );
  }, 60_000);

  it('deploys or refuses damaged files with a code, and a refusal writes nothing', async () => {
    const until = Date.now() + 15_000;
    await fc.assert(
      fc.asyncProperty(
        blockArbitrary,
        fc.nat(),
        fc.constantFrom('drop', 'rename', 'cut', 'duplicate'),
        async (block, at, damage) => {
          if (Date.now() > until) return;
          const xml = processOf(block, `damaged-${++runs}`);
          const tags = [
            ...xml.matchAll(/<bpmn:[^>]*\/>|<bpmn:sequenceFlow[^>]*>.*?<\/bpmn:sequenceFlow>/g),
          ];
          const target = tags[at % tags.length];
          const index = target.index;
          const damaged =
            damage === 'drop'
              ? xml.slice(0, index) + xml.slice(index + target[0].length)
              : damage === 'rename'
                ? xml.replace(/(sourceRef|targetRef)="[^"]*"/, '$1="nowhere"')
                : damage === 'cut'
                  ? xml.slice(0, index + Math.floor(target[0].length / 2))
                  : xml.slice(0, index) + target[0] + target[0] + xml.slice(index);
          const before = await snapshotDatabase(api().database.dataSource);
          const result = await deploy(damaged);
          const code = result.errors?.[0]?.extensions?.code;
          if (code !== undefined) {
            expect(DEPLOY_REFUSALS).toContain(code);
            expect(await snapshotDatabase(api().database.dataSource)).toEqual(before);
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
