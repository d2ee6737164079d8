import { JobHandlers, runHandlerJobs } from '../../../src/jobs/handlers';
import { fireDueTimers } from '../../../src/jobs/timers';
import { bpmnProcess } from '../../support/bpmn';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';

const HOUR = 3600_000;
const INCIDENT = `id jobId processInstanceId elementId jobType message status resolution`;

/** A job that keeps failing waits for a person: incidents, retried or resolved. */
describe('incidents', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const dataSource = () => suite.api.database.dataSource;
  const store = () => suite.api.database.store;
  let failing = true;
  const handlers = new JobHandlers().register('tax-lookup', async () => {
    if (failing) throw new Error('Cổng thuế không trả lời');
    return { taxCleared: true };
  });
  /** Runs the handler at each retry until the tries are used up. */
  const failUntilIncident = async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(await runHandlerJobs(store(), handlers, () => clock.now)).toBe(0);
      clock.now = new Date(clock.now.getTime() + HOUR);
    }
  };
  const incidentsOf = async (instanceId: string) =>
    (
      await suite.api.ok(
        `query ($id: ID!) { processInstance(id: $id) { incidents { ${INCIDENT} } } }`,
        { id: instanceId },
      )
    ).processInstance.incidents;

  beforeAll(async () => {
    await suite.f.deploy(
      bpmnProcess(
        'land-tax',
        `<bpmn:startEvent id="start" />
         <bpmn:serviceTask id="tax" tthc:jobType="tax-lookup" />
         <bpmn:userTask id="register" camunda:candidateGroups="land" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="tax" />
         <bpmn:sequenceFlow id="b" sourceRef="tax" targetRef="register" />`,
      ),
    );
    await suite.f.deploy(
      bpmnProcess(
        'timed-route',
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         <bpmn:exclusiveGateway id="route" />
         <bpmn:userTask id="fast" camunda:candidateGroups="office" />
         <bpmn:userTask id="slow" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="wait" />
         <bpmn:sequenceFlow id="b" sourceRef="wait" targetRef="route" />
         <bpmn:sequenceFlow id="c" sourceRef="route" targetRef="fast"><bpmn:conditionExpression>=urgent = true</bpmn:conditionExpression></bpmn:sequenceFlow>
         <bpmn:sequenceFlow id="d" sourceRef="route" targetRef="slow"><bpmn:conditionExpression>=urgent = false</bpmn:conditionExpression></bpmn:sequenceFlow>`,
      ),
    );
  });

  it('opens after the last failed try, and a retry gives the job new tries', async () => {
    failing = true;
    const id = await suite.f.start('land-tax', 'INC-1');
    await failUntilIncident();
    const [incident] = await incidentsOf(id);
    expect(incident).toMatchObject({
      processInstanceId: id,
      elementId: 'tax',
      jobType: 'tax-lookup',
      message: 'Cổng thuế không trả lời',
      status: 'OPEN',
      resolution: null,
    });
    const open = await suite.api.ok(
      `query { incidents(filter: { status: OPEN, jobType: "tax-lookup" }) { id } }`,
    );
    expect(open.incidents.map((i: { id: string }) => i.id)).toContain(incident.id);
    // With no tries left the job is not offered any more, however long we wait.
    clock.now = new Date(clock.now.getTime() + 24 * HOUR);
    expect(await runHandlerJobs(store(), handlers, () => clock.now)).toBe(0);

    failing = false;
    const retried = await suite.api.ok(
      `mutation ($id: ID!) { retryIncident(id: $id, retries: 2) { status resolution } }`,
      { id: incident.id },
    );
    expect(retried.retryIncident).toEqual({ status: 'RESOLVED', resolution: 'RETRIED' });
    expect(await runHandlerJobs(store(), handlers, () => clock.now)).toBe(1);
    expect(await suite.f.waitingAt(id)).toEqual(['register']);
  });

  it('closes by itself when its job is done another way', async () => {
    failing = true;
    const id = await suite.f.start('land-tax', 'INC-2');
    await failUntilIncident();
    const [incident] = await incidentsOf(id);
    await suite.api.ok(
      `mutation ($id: ID!) { completeJob(id: $id, variables: { taxCleared: true }) { id } }`,
      { id: incident.jobId },
    );
    expect((await incidentsOf(id))[0]).toMatchObject({
      status: 'RESOLVED',
      resolution: 'JOB_ENDED',
    });
    expect(await suite.f.waitingAt(id)).toEqual(['register']);
  });

  it('is resolved by hand once, and refuses a second closing without changing anything', async () => {
    failing = true;
    const id = await suite.f.start('land-tax', 'INC-3');
    await failUntilIncident();
    const [incident] = await incidentsOf(id);
    const resolved = await suite.api.ok(
      `mutation ($id: ID!) { resolveIncident(id: $id) { status resolution } }`,
      { id: incident.id },
    );
    expect(resolved.resolveIncident).toEqual({ status: 'RESOLVED', resolution: 'RESOLVED' });

    const before = await snapshotDatabase(dataSource());
    const again = await suite.api.graphql(`mutation ($id: ID!) { retryIncident(id: $id) { id } }`, {
      id: incident.id,
    });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'INCIDENT_NOT_OPEN',
      incidentId: incident.id,
      elementId: 'tax',
    });
    const unknown = await suite.api.graphql(
      `mutation { resolveIncident(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const badRetries = await suite.api.graphql(
      `mutation ($id: ID!) { retryIncident(id: $id, retries: 0) { id } }`,
      { id: incident.id },
    );
    expect(badRetries.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'retries',
    });
    expect(await snapshotDatabase(dataSource())).toEqual(before);
  });

  it('opens for a timer whose step the engine keeps refusing', async () => {
    const start = clock.now;
    const id = await suite.f.start('timed-route', 'INC-4');
    // `urgent` is missing: the gateway cannot decide, so the timer's step is refused each time.
    for (let hours = 1; hours < 48; hours++) {
      await fireDueTimers(store(), new Date(start.getTime() + hours * HOUR));
    }
    const [incident] = await incidentsOf(id);
    expect(incident).toMatchObject({ elementId: 'wait', jobType: 'timer', status: 'OPEN' });
    expect(incident.message).toMatch(/^CONDITION_FAILED|^NO_FLOW_MATCHED/);
    expect(await suite.f.historyOf(id, 'TIMER_FIRED')).toEqual([]);
    // Nothing but a retry moves a timer on: resolving it by hand is refused.
    const resolved = await suite.api.graphql(
      `mutation ($id: ID!) { resolveIncident(id: $id) { id } }`,
      { id: incident.id },
    );
    expect(resolved.errors?.[0].extensions).toMatchObject({
      code: 'INCIDENT_NEEDS_RETRY',
      incidentId: incident.id,
      elementId: 'wait',
    });
    expect((await incidentsOf(id))[0].status).toBe('OPEN');
  });

  it('uses up a try when the engine refuses what a handler returned, instead of running it again and again', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'tax-route',
        `<bpmn:startEvent id="start" />
         <bpmn:serviceTask id="tax" tthc:jobType="tax-check" />
         <bpmn:exclusiveGateway id="route" />
         <bpmn:userTask id="register" camunda:candidateGroups="land" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="tax" />
         <bpmn:sequenceFlow id="b" sourceRef="tax" targetRef="route" />
         <bpmn:sequenceFlow id="c" sourceRef="route" targetRef="register"><bpmn:conditionExpression>=cleared = true</bpmn:conditionExpression></bpmn:sequenceFlow>`,
      ),
    );
    let calls = 0;
    const checks = new JobHandlers().register('tax-check', async () => {
      calls += 1;
      return { cleared: false };
    });
    const id = await suite.f.start('tax-route', 'INC-5');
    for (let hour = 0; hour < 10; hour++) {
      clock.now = new Date(clock.now.getTime() + HOUR);
      await runHandlerJobs(store(), checks, () => clock.now);
    }
    expect(calls).toBe(3);
    expect((await incidentsOf(id))[0]).toMatchObject({
      elementId: 'tax',
      jobType: 'tax-check',
      status: 'OPEN',
    });
    expect((await incidentsOf(id))[0].message).toMatch(/^NO_FLOW_MATCHED/);
  });
});
