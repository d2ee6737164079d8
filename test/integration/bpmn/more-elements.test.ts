import { bpmnProcess } from '../../support/bpmn';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { dmnTable } from '../../support/dmn';

const SIGNAL = '<bpmn:signal id="law" name="law-changed" />';
const withSignal = (id: string, elements: string) =>
  bpmnProcess(id, elements).replace('<bpmn:process', `${SIGNAL}\n  <bpmn:process`);

/** start → `body` (from `first` to `last`) → a user task `done`: where a test reads the result. */
const line = (body: string, first: string, last: string) => `
  <bpmn:startEvent id="start" />
  ${body}
  <bpmn:userTask id="done" camunda:candidateGroups="office" />
  <bpmn:sequenceFlow id="in" sourceRef="start" targetRef="${first}" />
  <bpmn:sequenceFlow id="out" sourceRef="${last}" targetRef="done" />`;

describe('the elements designers draw in other tools, over GraphQL', () => {
  const suite = apiSuite();

  it('plain and manual tasks pass through, and a FEEL script computes', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'passing',
        line(
          `<bpmn:task id="note" /><bpmn:manualTask id="stamp" />
           <bpmn:scriptTask id="fee"><bpmn:extensionElements><zeebe:script expression="=8000 * copies" resultVariable="fee" /></bpmn:extensionElements></bpmn:scriptTask>
           <bpmn:sequenceFlow id="a" sourceRef="note" targetRef="stamp" />
           <bpmn:sequenceFlow id="b" sourceRef="stamp" targetRef="fee" />`,
          'note',
          'fee',
        ),
      ),
    );
    const id = await suite.f.start('passing', 'EL-0001', { copies: 3 });
    expect(await suite.f.waitingAt(id)).toEqual(['done']);
    expect((await suite.f.instance(id)).variables).toEqual({ copies: 3, fee: 24000 });
    expect(await suite.f.historyOf(id, 'ELEMENT_COMPLETED')).toEqual([
      'ELEMENT_COMPLETED start',
      'ELEMENT_COMPLETED note',
      'ELEMENT_COMPLETED stamp',
      'ELEMENT_COMPLETED fee',
    ]);
  });

  it('a broadcast signal reaches every waiting instance and starts the processes that begin with it', async () => {
    await suite.f.deploy(
      withSignal(
        'waits-for-law',
        line(
          '<bpmn:intermediateCatchEvent id="lawChanged"><bpmn:signalEventDefinition signalRef="law" /></bpmn:intermediateCatchEvent>',
          'lawChanged',
          'lawChanged',
        ),
      ),
    );
    await suite.f.deploy(
      withSignal(
        'begins-with-law',
        `<bpmn:startEvent id="onLaw"><bpmn:signalEventDefinition signalRef="law" /></bpmn:startEvent>
         <bpmn:userTask id="review" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="onLaw" targetRef="review" />`,
      ),
    );
    const first = await suite.f.start('waits-for-law', 'EL-0002');
    const second = await suite.f.start('waits-for-law', 'EL-0003');
    const result = await suite.api.ok(
      `mutation { broadcastSignal(name: "law-changed", variables: { decree: "118/2025" }) {
         caught { id } started { id businessKey variables } } }`,
    );
    expect(result.broadcastSignal.caught.map((i: { id: string }) => i.id).sort()).toEqual(
      [first, second].sort(),
    );
    expect(result.broadcastSignal.started).toEqual([
      expect.objectContaining({ businessKey: null, variables: { decree: '118/2025' } }),
    ]);
    expect(await suite.f.waitingAt(first)).toEqual(['done']);
    expect(await suite.f.historyOf(second, 'SIGNAL_CAUGHT')).toEqual(['SIGNAL_CAUGHT lawChanged']);
  });

  it('a signal thrown by one process reaches another after its step commits', async () => {
    await suite.f.deploy(
      withSignal(
        'announces-law',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="publish" camunda:candidateGroups="office" />
         <bpmn:endEvent id="announce"><bpmn:signalEventDefinition signalRef="law" /></bpmn:endEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="publish" />
         <bpmn:sequenceFlow id="b" sourceRef="publish" targetRef="announce" />`,
      ),
    );
    const waiting = await suite.f.start('waits-for-law', 'EL-0004');
    const announcer = await suite.f.start('announces-law', 'EL-0005');
    await suite.f.complete(announcer, 'publish', { decree: '147/2024' });
    expect(await suite.f.historyOf(announcer, 'SIGNAL_THROWN')).toEqual(['SIGNAL_THROWN announce']);
    expect(await suite.f.waitingAt(waiting)).toEqual(['done']);
    expect((await suite.f.instance(waiting)).variables).toEqual({ decree: '147/2024' });
  });

  it('a signal nobody waits for changes nothing but the processes it starts', async () => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const result = await suite.api.ok(
      `mutation { broadcastSignal(name: "nobody-listens") { caught { id } started { id } } }`,
    );
    expect(result.broadcastSignal).toEqual({ caught: [], started: [] });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });

  it('a conditional event goes on when a completed task makes its condition true', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'waits-for-payment',
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="split" />
         <bpmn:userTask id="collect" camunda:candidateGroups="reception" />
         <bpmn:intermediateCatchEvent id="paid"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=amount &gt;= 8000</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="done" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="split" />
         <bpmn:sequenceFlow id="b" sourceRef="split" targetRef="collect" />
         <bpmn:sequenceFlow id="c" sourceRef="split" targetRef="paid" />
         <bpmn:sequenceFlow id="d" sourceRef="paid" targetRef="done" />`,
      ),
    );
    const id = await suite.f.start('waits-for-payment', 'EL-0006');
    expect(await suite.f.waitingAt(id)).toEqual(['collect']);
    await suite.f.complete(id, 'collect', { amount: 8000 });
    expect(await suite.f.waitingAt(id)).toEqual(['done']);
    expect(await suite.f.historyOf(id, 'CONDITION_MET')).toEqual(['CONDITION_MET paid']);
  });

  it('a link event carries the token to its catch event', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'two-pages',
        line(
          `<bpmn:intermediateThrowEvent id="toPage2"><bpmn:linkEventDefinition name="page2" /></bpmn:intermediateThrowEvent>
           <bpmn:intermediateCatchEvent id="page2"><bpmn:linkEventDefinition name="page2" /></bpmn:intermediateCatchEvent>`,
          'toPage2',
          'page2',
        ),
      ),
    );
    const id = await suite.f.start('two-pages', 'EL-0007');
    expect(await suite.f.waitingAt(id)).toEqual(['done']);
  });

  it('a compensation end event opens the handler task of the step it undoes', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'undoes-booking',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="book" camunda:candidateGroups="office" />
         <bpmn:boundaryEvent id="bookUndo" attachedToRef="book"><bpmn:compensateEventDefinition /></bpmn:boundaryEvent>
         <bpmn:userTask id="cancelBooking" isForCompensation="true" camunda:candidateGroups="office" />
         <bpmn:association id="link" associationDirection="One" sourceRef="bookUndo" targetRef="cancelBooking" />
         <bpmn:endEvent id="undo"><bpmn:compensateEventDefinition /></bpmn:endEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="book" />
         <bpmn:sequenceFlow id="b" sourceRef="book" targetRef="undo" />`,
      ),
    );
    const id = await suite.f.start('undoes-booking', 'EL-0008');
    await suite.f.complete(id, 'book');
    expect(await suite.f.waitingAt(id)).toEqual(['cancelBooking']);
    await suite.f.complete(id, 'cancelBooking');
    expect((await suite.f.instance(id)).status).toBe('COMPLETED');
  });

  it('a standard loop asks again while its condition holds', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'checks-until-complete',
        line(
          `<bpmn:userTask id="check" camunda:candidateGroups="office"><bpmn:standardLoopCharacteristics><bpmn:loopCondition xsi:type="bpmn:tFormalExpression">=not(complete)</bpmn:loopCondition></bpmn:standardLoopCharacteristics></bpmn:userTask>`,
          'check',
          'check',
        ),
      ),
    );
    const id = await suite.f.start('checks-until-complete', 'EL-0009');
    await suite.f.complete(id, 'check', { complete: false });
    expect(await suite.f.waitingAt(id)).toEqual(['check']);
    await suite.f.complete(id, 'check', { complete: true });
    expect(await suite.f.waitingAt(id)).toEqual(['done']);
  });

  it('evaluateConditions starts the processes whose conditional start holds', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'large-fee-review',
        `<bpmn:startEvent id="large"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=fee &gt; 1000000</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:startEvent>
         <bpmn:userTask id="review" camunda:candidateGroups="leader" />
         <bpmn:sequenceFlow id="a" sourceRef="large" targetRef="review" />`,
      ),
    );
    const evaluate = (fee: number) =>
      suite.api.ok(
        `mutation ($v: JSON!) { evaluateConditions(variables: $v, businessKey: "COND-1") { id businessKey openTasks { elementId } } }`,
        { v: { fee } },
      );
    expect((await evaluate(500)).evaluateConditions).toEqual([]);
    expect((await evaluate(2_000_000)).evaluateConditions).toEqual([
      expect.objectContaining({ businessKey: 'COND-1', openTasks: [{ elementId: 'review' }] }),
    ]);
  });

  it('a Camunda 8 message end event is sent by a job worker, and the process ends after it', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'notifies-by-worker',
        `<bpmn:startEvent id="start" />
         <bpmn:endEvent id="notify"><bpmn:extensionElements><zeebe:taskDefinition type="sms-notice" /></bpmn:extensionElements><bpmn:messageEventDefinition /></bpmn:endEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="notify" />`,
      ),
    );
    const id = await suite.f.start('notifies-by-worker', 'EL-0010');
    const { fetchAndLockJobs } = await suite.api.ok(
      `mutation { fetchAndLockJobs(type: "sms-notice", workerId: "w1", maxJobs: 5, lockSeconds: 30) { id elementId } }`,
    );
    expect(fetchAndLockJobs).toEqual([expect.objectContaining({ elementId: 'notify' })]);
    const { completeJob } = await suite.api.ok(
      `mutation ($id: ID!) { completeJob(id: $id, workerId: "w1") { id status } }`,
      { id: fetchAndLockJobs[0].id },
    );
    expect(completeJob).toEqual({ id, status: 'COMPLETED' });
  });

  it('a process with several none starts starts where it is told', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'two-ways-in',
        `<bpmn:startEvent id="atDesk" /><bpmn:startEvent id="online" />
         <bpmn:userTask id="desk" camunda:candidateGroups="reception" />
         <bpmn:userTask id="portal" camunda:candidateGroups="reception" />
         <bpmn:sequenceFlow id="a" sourceRef="atDesk" targetRef="desk" />
         <bpmn:sequenceFlow id="b" sourceRef="online" targetRef="portal" />`,
      ),
    );
    const start = (startEventId?: string) =>
      suite.api.graphql(
        `mutation ($s: String) { startProcess(key: "two-ways-in", startEventId: $s) { id openTasks { elementId } } }`,
        { s: startEventId },
      );
    expect((await start()).data?.startProcess.openTasks).toEqual([{ elementId: 'desk' }]);
    expect((await start('online')).data?.startProcess.openTasks).toEqual([{ elementId: 'portal' }]);
    expect((await start('desk')).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('business rule tasks and DMN decisions, over GraphQL', () => {
  const suite = apiSuite();
  const FEES = dmnTable({
    id: 'copy-fee',
    hitPolicy: 'FIRST',
    inputs: ['applicantCategory', 'copies'],
    outputs: ['fee'],
    rules: [
      ['"poor household","merit"', '-', '0'],
      ['-', '-', '8000 * copies'],
    ],
  });
  const PROCESS = bpmnProcess(
    'copy-extract',
    `<bpmn:startEvent id="start" />
     <bpmn:businessRuleTask id="fee"><bpmn:extensionElements><zeebe:calledDecision decisionId="copy-fee" resultVariable="fee" /></bpmn:extensionElements></bpmn:businessRuleTask>
     <bpmn:userTask id="done" camunda:candidateGroups="office" />
     <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="fee" />
     <bpmn:sequenceFlow id="b" sourceRef="fee" targetRef="done" />`,
  );

  it('warns at deploy when the decision is not deployed, and refuses the step that needs it', async () => {
    const { warnings } = await suite.f.deploy(PROCESS);
    expect(warnings.map((w: { message: string }) => w.message)).toContain(
      "Business rule task 'fee' evaluates the decision 'copy-fee', which is not deployed: deploy its DMN file before a dossier gets there",
    );
    const result = await suite.api.graphql(`mutation { startProcess(key: "copy-extract") { id } }`);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'DECISION_NOT_FOUND',
      elementId: 'fee',
      decisionId: 'copy-fee',
    });
  });

  it('validates and deploys a DMN file in versions, and the task evaluates the latest', async () => {
    const report = await suite.api.ok(
      `query ($x: String!) { validateDecision(dmnXml: $x) { valid problems { rule } } }`,
      { x: FEES },
    );
    expect(report.validateDecision).toEqual({ valid: true, problems: [] });
    const deploy = (xml: string) =>
      suite.api.ok(
        `mutation ($x: String!) { deployDecision(dmnXml: $x) { changed decisions { key version } } }`,
        { x: xml },
      );
    expect((await deploy(FEES)).deployDecision).toEqual({
      changed: true,
      decisions: [{ key: 'copy-fee', version: 1 }],
    });
    expect((await deploy(FEES)).deployDecision.changed).toBe(false);
    const exempt = await suite.f.start('copy-extract', 'DMN-0001', {
      applicantCategory: 'merit',
      copies: 2,
    });
    const paying = await suite.f.start('copy-extract', 'DMN-0002', {
      applicantCategory: 'other',
      copies: 2,
    });
    expect((await suite.f.instance(exempt)).variables.fee).toBe(0);
    expect((await suite.f.instance(paying)).variables.fee).toBe(16000);
    await deploy(FEES.replace('8000 * copies', '10000 * copies'));
    const later = await suite.f.start('copy-extract', 'DMN-0003', {
      applicantCategory: 'other',
      copies: 2,
    });
    expect((await suite.f.instance(later)).variables.fee).toBe(20000);
  });

  it('refuses an invalid DMN file with every problem, and writes nothing', async () => {
    const before = await snapshotDatabase(suite.api.database.dataSource);
    const broken = dmnTable({
      id: 'broken',
      inputs: ['a'],
      outputs: ['x'],
      rules: [['>> 1', '1']],
    });
    const result = await suite.api.graphql(
      `mutation ($x: String!) { deployDecision(dmnXml: $x) { changed } }`,
      { x: broken },
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BPMN_INVALID',
      problems: [expect.objectContaining({ elementId: 'r1', rule: 'dmn/feel' })],
    });
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });
});
