import { bpmnProcess } from '../support/bpmn';
import { apiSuite } from '../support/flows';
import { readProjectFile } from '../support/models';
import { BIRTH_PAPERS } from '../support/dossiers';

type Body = { errors?: { extensions?: Record<string, unknown> }[] };

/** 'OK' or the error code of each answer, sorted: what a race came to. */
const outcomes = (bodies: Body[]) =>
  bodies.map((body) => (body.errors ? String(body.errors[0].extensions?.code) : 'OK')).sort();

/**
 * Many calls on the same thing at the same moment, over real HTTP on a real PostgreSQL: the row
 * locks decide, and the outcome is whole — exactly one winner, the others told why.
 */
describe('under concurrency', () => {
  const suite = apiSuite();
  const api = () => suite.api;

  it('completes a task exactly once when 50 completions arrive together', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'one-step',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="check" camunda:candidateGroups="reception" />
         <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
         <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="sign" />`,
      ),
    );
    const id = await suite.f.start('one-step');
    const [task] = (await suite.f.instance(id)).openTasks;
    const bodies = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        api().graphql(
          `mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { id } }`,
          {
            id: task.id,
            v: { by: n },
          },
        ),
      ),
    );
    expect(outcomes(bodies)).toEqual(['OK', ...Array(49).fill('TASK_NOT_OPEN')].sort());
    expect(await suite.f.historyOf(id, 'ELEMENT_COMPLETED')).toEqual([
      'ELEMENT_COMPLETED start',
      'ELEMENT_COMPLETED check',
    ]);
    expect(await suite.f.taskStates(id)).toEqual(['check:COMPLETED', 'sign:OPEN']);
  });

  it('fires a parallel join once when both branches complete at the same moment', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'two-branches',
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="split" />
         <bpmn:userTask id="police" camunda:candidateGroups="police" />
         <bpmn:userTask id="civil" camunda:candidateGroups="civil_status" />
         <bpmn:parallelGateway id="join" />
         <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="split" />
         <bpmn:sequenceFlow id="b" sourceRef="split" targetRef="police" />
         <bpmn:sequenceFlow id="c" sourceRef="split" targetRef="civil" />
         <bpmn:sequenceFlow id="d" sourceRef="police" targetRef="join" />
         <bpmn:sequenceFlow id="e" sourceRef="civil" targetRef="join" />
         <bpmn:sequenceFlow id="f" sourceRef="join" targetRef="sign" />`,
      ),
    );
    const ids = await Promise.all(Array.from({ length: 20 }, () => suite.f.start('two-branches')));
    await Promise.all(
      ids.map(async (id) => {
        const tasks = (await suite.f.instance(id)).openTasks as { id: string }[];
        const bodies = await Promise.all(
          tasks.map((task) =>
            api().graphql(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, { id: task.id }),
          ),
        );
        expect(outcomes(bodies)).toEqual(['OK', 'OK']);
      }),
    );
    for (const id of ids) {
      expect(await suite.f.waitingAt(id)).toEqual(['sign']);
      expect(await suite.f.historyOf(id, 'ELEMENT_COMPLETED')).toEqual(
        expect.arrayContaining(['ELEMENT_COMPLETED join']),
      );
      const joins = (await suite.f.historyOf(id, 'ELEMENT_COMPLETED')).filter(
        (event: string) => event === 'ELEMENT_COMPLETED join',
      );
      expect(joins).toHaveLength(1);
    }
  });

  it('delivers a message once when 20 copies with the same key arrive together', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'wait-for-fee',
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="m_paid" /></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="process" camunda:candidateGroups="land" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="paid" />
         <bpmn:sequenceFlow id="b" sourceRef="paid" targetRef="process" />`,
        '',
        '<bpmn:message id="m_paid" name="fee-paid-race" />',
      ),
    );
    const id = await suite.f.start('wait-for-fee', 'H56-RACE-0001');
    const bodies = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        suite.f.correlate('fee-paid-race', 'H56-RACE-0001', { n }),
      ),
    );
    expect(outcomes(bodies)).toEqual(['OK', ...Array(19).fill('MESSAGE_NOT_CORRELATED')].sort());
    expect(await suite.f.historyOf(id, 'MESSAGE_CORRELATED')).toEqual(['MESSAGE_CORRELATED paid']);
    expect(await suite.f.waitingAt(id)).toEqual(['process']);
  });

  it('gives 30 dossiers received together unique, gap-free codes', async () => {
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    const reception = await api().officer('le.tiepnhan', ['reception']);
    const bodies = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        api().graphql<{ receiveDossier: { code: string } }>(
          `mutation ($name: String!) { receiveDossier(input: { procedureKey: "birth-registration",
             applicant: { name: $name, idNumber: "001190012345" },
             components: ${BIRTH_PAPERS} }) { code } }`,
          { name: `Người nộp ${n}` },
          reception,
        ),
      ),
    );
    expect(outcomes(bodies)).toEqual(Array(30).fill('OK'));
    const sequences = bodies
      .map((body) => Number(body.data!.receiveDossier.code.split('-').at(-1)))
      .sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 30 }, (_, k) => k + 1));
  });
});
