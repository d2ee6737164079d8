import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';

describe('multi-instance activities', () => {
  const suite = apiSuite();
  beforeAll(async () => {
    // Ask every agency of the list; two answers are enough to go on.
    await suite.f.deploy(
      bpmnProcess(
        'ask-agencies',
        `<bpmn:startEvent id="start" />
           <bpmn:userTask id="ask" camunda:candidateGroups="office">
             <bpmn:multiInstanceLoopCharacteristics>
               <bpmn:extensionElements>
                 <zeebe:loopCharacteristics inputCollection="=agencies" inputElement="agency" outputCollection="answers" outputElement="=answer" />
               </bpmn:extensionElements>
               <bpmn:completionCondition>= nrOfCompletedInstances &gt;= 2</bpmn:completionCondition>
             </bpmn:multiInstanceLoopCharacteristics>
           </bpmn:userTask>
           <bpmn:userTask id="decide" camunda:candidateGroups="leader" />
           <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="ask" />
           <bpmn:sequenceFlow id="b" sourceRef="ask" targetRef="decide" />`,
      ),
    );
    // Sign each page, one after another.
    await suite.f.deploy(
      bpmnProcess(
        'sign-pages',
        `<bpmn:startEvent id="start" />
         <bpmn:subProcess id="page">
           <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="=pages" camunda:elementVariable="pageNo" />
           <bpmn:startEvent id="ps" />
           <bpmn:userTask id="sign" camunda:candidateGroups="leader" />
           <bpmn:sequenceFlow id="p1" sourceRef="ps" targetRef="sign" />
         </bpmn:subProcess>
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="page" />
         <bpmn:sequenceFlow id="b" sourceRef="page" targetRef="end" />`,
      ),
    );
  });

  const openTasks = async (id: string) => (await suite.f.instance(id)).openTasks;

  it('runs one task per item in parallel and goes on when the completion condition holds', async () => {
    const id = await suite.f.start('ask-agencies', 'MI-1', {
      agencies: ['police', 'social_insurance', 'land_office'],
    });
    const tasks = await openTasks(id);
    expect(tasks.map((t: any) => t.elementId)).toEqual(['ask', 'ask', 'ask']);
    const complete = (taskId: string, answer: string) =>
      suite.api.ok(
        `mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { state } }`,
        {
          id: taskId,
          v: { answer },
        },
      );
    await complete(tasks[2].id, 'không');
    expect(await suite.f.waitingAt(id)).toEqual(['ask', 'ask']);
    await complete(tasks[0].id, 'đồng ý');
    // Two answers: the third agency's task is withdrawn and the leader decides.
    expect(await suite.f.waitingAt(id)).toEqual(['decide']);
    expect(await suite.f.taskStates(id)).toEqual([
      'ask:COMPLETED',
      'ask:CANCELED',
      'ask:COMPLETED',
      'decide:OPEN',
    ]);
    expect((await suite.f.instance(id)).variables.answers).toEqual(['đồng ý', null, 'không']);
  });

  it('collects the answer of a single instance', async () => {
    const id = await suite.f.start('ask-agencies', 'MI-2', { agencies: ['police'] });
    const [task] = await openTasks(id);
    const seen = await suite.api.ok(
      `query ($id: ID!) { processInstance(id: $id) { variables } tasks(filter: { processInstanceId: $id }) { totalCount } }`,
      { id },
    );
    expect(seen.tasks.totalCount).toBe(1);
    await suite.api.ok(
      `mutation ($id: ID!) { completeTask(id: $id, variables: { answer: "có" }) { state } }`,
      { id: task.id },
    );
    expect((await suite.f.instance(id)).variables.answers).toEqual(['có']);
  });

  it('passes straight through an empty collection', async () => {
    const id = await suite.f.start('ask-agencies', 'MI-3', { agencies: [] });
    expect(await suite.f.waitingAt(id)).toEqual(['decide']);
    expect((await suite.f.instance(id)).variables.answers).toEqual([]);
  });

  it('runs a sequential sub-process one item after another', async () => {
    const id = await suite.f.start('sign-pages', 'MI-4', { pages: [1, 2, 3] });
    for (let page = 1; page <= 3; page++) {
      expect(await suite.f.waitingAt(id)).toEqual(['sign']);
      await suite.f.complete(id, 'sign');
    }
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
  });

  it('refuses a collection that is not a list, naming the element', async () => {
    const result = await suite.api.graphql(
      `mutation { startProcess(key: "ask-agencies", variables: { agencies: "police" }) { id } }`,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'EXPRESSION_FAILED',
      elementId: 'ask',
    });
  });

  it('lets a boundary event on the whole activity catch an error thrown in one instance', async () => {
    const { f, api } = suite;
    await f.deploy(
      bpmnProcess(
        'mi-errors',
        `<bpmn:startEvent id="start" />
         <bpmn:serviceTask id="st" tthc:jobType="mi-check">
           <bpmn:multiInstanceLoopCharacteristics camunda:collection="=items" camunda:elementVariable="item" />
         </bpmn:serviceTask>
         <bpmn:boundaryEvent id="failed" attachedToRef="st"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
         <bpmn:userTask id="handle" camunda:candidateGroups="office" />
         <bpmn:userTask id="normal" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="st" />
         <bpmn:sequenceFlow id="b" sourceRef="st" targetRef="normal" />
         <bpmn:sequenceFlow id="c" sourceRef="failed" targetRef="handle" />`,
      ).replace('<bpmn:process', '<bpmn:error id="e" errorCode="BAD" />\n  <bpmn:process'),
    );
    const id = await f.start('mi-errors', 'MI-5', { items: [1, 2, 3] });
    const jobs = (
      await api.ok(
        `mutation { fetchAndLockJobs(type: "mi-check", workerId: "w", maxJobs: 10, lockSeconds: 60) { id variables } }`,
      )
    ).fetchAndLockJobs;
    expect(jobs.map((j: any) => j.variables.item).sort()).toEqual([1, 2, 3]);
    await api.ok(
      `mutation ($id: ID!) { throwJobError(id: $id, errorCode: "BAD", workerId: "w") { id } }`,
      { id: jobs[0].id },
    );
    expect(await f.waitingAt(id)).toEqual(['handle']);
    const rest = await api.graphql(
      `mutation ($id: ID!) { completeJob(id: $id, workerId: "w") { id } }`,
      { id: jobs[1].id },
    );
    expect(rest.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('ends the other called instances when two of three are enough', async () => {
    const { f, api } = suite;
    await f.deploy(
      bpmnProcess(
        'agency-answer',
        `<bpmn:startEvent id="s" />
         <bpmn:userTask id="answer" camunda:candidateGroups="agency" />
         <bpmn:sequenceFlow id="a" sourceRef="s" targetRef="answer" />`,
      ),
    );
    await f.deploy(
      bpmnProcess(
        'ask-by-call',
        `<bpmn:startEvent id="start" />
         <bpmn:callActivity id="ask" calledElement="agency-answer">
           <bpmn:multiInstanceLoopCharacteristics camunda:collection="=agencies" camunda:elementVariable="agency">
             <bpmn:completionCondition>= nrOfCompletedInstances &gt;= 2</bpmn:completionCondition>
           </bpmn:multiInstanceLoopCharacteristics>
         </bpmn:callActivity>
         <bpmn:userTask id="decide" camunda:candidateGroups="leader" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="ask" />
         <bpmn:sequenceFlow id="b" sourceRef="ask" targetRef="decide" />`,
      ),
    );
    const id = await f.start('ask-by-call', 'MI-6', { agencies: ['a', 'b', 'c'] });
    const children = (
      await api.ok(`query ($id: ID!) { processInstance(id: $id) { children { id variables } } }`, {
        id,
      })
    ).processInstance.children;
    expect(children.map((c: any) => c.variables.agency)).toEqual(['a', 'b', 'c']);
    await f.complete(children[0].id, 'answer', { nrOfCompletedInstances: 99 });
    await f.complete(children[2].id, 'answer');
    expect(await f.waitingAt(id)).toEqual(['decide']);
    expect((await f.instance(children[1].id)).status).toBe('TERMINATED');
  });

  it('copes with several instances finishing in the same step', async () => {
    const { f } = suite;
    await f.deploy(
      bpmnProcess(
        'instant-items',
        `<bpmn:startEvent id="start" />
           <bpmn:subProcess id="each">
             <bpmn:multiInstanceLoopCharacteristics>
               <bpmn:extensionElements>
                 <zeebe:loopCharacteristics inputCollection="=items" inputElement="item" outputCollection="seen" outputElement="=item" />
               </bpmn:extensionElements>
               <bpmn:completionCondition>= nrOfCompletedInstances &gt;= 1</bpmn:completionCondition>
             </bpmn:multiInstanceLoopCharacteristics>
             <bpmn:startEvent id="s" />
             <bpmn:endEvent id="e" />
             <bpmn:sequenceFlow id="x" sourceRef="s" targetRef="e" />
           </bpmn:subProcess>
           <bpmn:userTask id="after" camunda:candidateGroups="office" />
           <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="each" />
           <bpmn:sequenceFlow id="b" sourceRef="each" targetRef="after" />`,
      ),
    );
    const id = await f.start('instant-items', 'MI-7', { items: [1, 2, 3] });
    expect(await f.waitingAt(id)).toEqual(['after']);
    expect((await f.instance(id)).variables.seen).toEqual([1, null, null]);
  });
});
