import { JobHandlers, runHandlerJobs } from '../../../src/jobs/handlers';
import { fireDueTimers } from '../../../src/jobs/timers';
import { bpmnProcess, oneStepProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';

const HOUR = 3600_000;

/** Timers fire when the clock says so: tests move the clock, they never sleep. */
describe('timers and jobs', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const later = (ms: number) => new Date(clock.now.getTime() + ms);
  const suite = apiSuite(clock);
  beforeAll(async () => {});
  const fire = (at: Date) => fireDueTimers(suite.api.database.store, at);

  it('an intermediate timer waits for its duration (ISO or FEEL)', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'cool-down',
        `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>=pause</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="next" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="wait" />
         <bpmn:sequenceFlow id="b" sourceRef="wait" targetRef="next" />`,
      ),
    );
    const id = await suite.f.start('cool-down', 'TM-1', { pause: 'PT2H' });
    expect(await fire(later(HOUR))).toBe(0);
    expect(await suite.f.waitingAt(id)).toEqual([]);
    expect(await fire(later(2 * HOUR))).toBe(1);
    expect(await suite.f.waitingAt(id)).toEqual(['next']);
    expect(await suite.f.historyOf(id, 'TIMER_FIRED')).toEqual(['TIMER_FIRED wait']);
    expect(await fire(later(3 * HOUR))).toBe(0);
  });

  it('an interrupting timer on a task takes the dossier to the leader when the step is late', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'late-step',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="appraise" camunda:candidateGroups="land" />
         <bpmn:boundaryEvent id="late" attachedToRef="appraise"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
         <bpmn:boundaryEvent id="remind" attachedToRef="appraise" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT4H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
         <bpmn:userTask id="leaderDecides" camunda:candidateGroups="leader" />
         <bpmn:userTask id="reminder" camunda:candidateGroups="land" />
         <bpmn:endEvent id="done" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="appraise" />
         <bpmn:sequenceFlow id="b" sourceRef="appraise" targetRef="done" />
         <bpmn:sequenceFlow id="c" sourceRef="late" targetRef="leaderDecides" />
         <bpmn:sequenceFlow id="d" sourceRef="remind" targetRef="reminder" />`,
      ),
    );
    const id = await suite.f.start('late-step', 'TM-2');
    // The reminder cycle fires twice, four hours apart, and then no more.
    expect(await fire(later(4 * HOUR))).toBe(1);
    expect(await fire(later(8 * HOUR))).toBe(1);
    expect(await fire(later(12 * HOUR))).toBe(0);
    expect((await suite.f.waitingAt(id)).sort()).toEqual(['appraise', 'reminder', 'reminder']);
    // A day later the step is late: the appraisal is withdrawn and the leader decides.
    expect(await fire(later(24 * HOUR))).toBe(1);
    expect((await suite.f.waitingAt(id)).sort()).toEqual(['leaderDecides', 'reminder', 'reminder']);
    expect(await suite.f.taskStates(id)).toContain('appraise:CANCELED');
  });

  it('a timer that loses the race at an event-based gateway never fires', async () => {
    await suite.f.deploy(
      bpmnProcess(
        'wait-for-fee',
        `<bpmn:startEvent id="start" />
         <bpmn:eventBasedGateway id="which" />
         <bpmn:intermediateCatchEvent id="paid"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
         <bpmn:intermediateCatchEvent id="expired"><bpmn:timerEventDefinition><bpmn:timeDuration>P15D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="process" camunda:candidateGroups="land" />
         <bpmn:endEvent id="dropped" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="which" />
         <bpmn:sequenceFlow id="b" sourceRef="which" targetRef="paid" />
         <bpmn:sequenceFlow id="c" sourceRef="which" targetRef="expired" />
         <bpmn:sequenceFlow id="d" sourceRef="paid" targetRef="process" />
         <bpmn:sequenceFlow id="e" sourceRef="expired" targetRef="dropped" />`,
      ).replace('<bpmn:process', '<bpmn:message id="m" name="fee-paid" />\n  <bpmn:process'),
    );
    const paid = await suite.f.start('wait-for-fee', 'TM-3');
    const unpaid = await suite.f.start('wait-for-fee', 'TM-4');
    await suite.f.correlate('fee-paid', 'TM-3');
    expect(await fire(later(16 * 24 * HOUR))).toBe(1);
    expect(await suite.f.waitingAt(paid)).toEqual(['process']);
    expect((await suite.f.instance(unpaid)).status).toBe('COMPLETED');
  });

  it('refuses a timer that is not ISO 8601 at deploy, naming it', async () => {
    const result = await suite.api.graphql(
      `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`,
      {
        xml: bpmnProcess(
          'bad-timer',
          `<bpmn:startEvent id="start" />
         <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>3 days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="wait" />`,
        ),
      },
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BPMN_INVALID',
      elementId: 'wait',
    });
  });

  it('a timer start event starts an instance at each beat of its cycle, from the latest version only', async () => {
    const weeklyReport = (version: string, cycle: string) =>
      bpmnProcess(
        'weekly-report',
        `<bpmn:startEvent id="every${version}"><bpmn:timerEventDefinition><bpmn:timeCycle>${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
         <bpmn:userTask id="report" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="every${version}" targetRef="report" />`,
      );
    const started = async () =>
      (
        await suite.api.database.dataSource.query(
          `SELECT d.version FROM process_instance i
             JOIN process_definition d ON d.id = i.definition_id
            WHERE d.key = 'weekly-report' ORDER BY i.started_at`,
        )
      ).map((row: { version: number }) => row.version);
    await suite.f.deploy(weeklyReport('1', 'R3/2026-03-03T01:00:00Z/P1D'));
    expect(await fire(new Date('2026-03-03T00:59:00Z'))).toBe(0);
    expect(await fire(new Date('2026-03-03T01:00:00Z'))).toBe(1);
    expect(await fire(new Date('2026-03-03T01:00:00Z'))).toBe(0);
    // Two beats missed (no runner ran): one instance, and the cycle goes on from now.
    expect(await fire(new Date('2026-03-05T02:00:00Z'))).toBe(1);
    expect(await started()).toEqual([1, 1]);
    // A new version replaces the old one's timers: only its own cycle runs from now on.
    await suite.f.deploy(weeklyReport('2', 'R/2026-03-06T01:00:00Z/P7D'));
    expect(await fire(new Date('2026-03-06T01:00:00Z'))).toBe(1);
    expect(await fire(new Date('2026-03-13T01:00:00Z'))).toBe(1);
    expect(await started()).toEqual([1, 1, 2, 2]);
  });

  it("an async continuation ends the step in front of its element, and a failure there becomes an incident, not the officer's error", async () => {
    await suite.f.deploy(
      bpmnProcess(
        'async-route',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="receive" camunda:candidateGroups="reception" />
         <bpmn:exclusiveGateway id="route" camunda:asyncBefore="true" />
         <bpmn:userTask id="fast" camunda:candidateGroups="office" />
         <bpmn:userTask id="slow" camunda:candidateGroups="office" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="receive" />
         <bpmn:sequenceFlow id="b" sourceRef="receive" targetRef="route" />
         <bpmn:sequenceFlow id="c" sourceRef="route" targetRef="fast"><bpmn:conditionExpression>=urgent = true</bpmn:conditionExpression></bpmn:sequenceFlow>
         <bpmn:sequenceFlow id="d" sourceRef="route" targetRef="slow"><bpmn:conditionExpression>=urgent = false</bpmn:conditionExpression></bpmn:sequenceFlow>`,
      ),
    );
    const ok = await suite.f.start('async-route', 'AS-1');
    await suite.f.complete(ok, 'receive', { urgent: true });
    expect(await suite.f.waitingAt(ok)).toEqual([]);
    expect(await fire(clock.now)).toBeGreaterThanOrEqual(1);
    expect(await suite.f.waitingAt(ok)).toEqual(['fast']);

    // The officer forgot the field the route needs: the click succeeds; the route fails later.
    const bad = await suite.f.start('async-route', 'AS-2');
    await suite.f.complete(bad, 'receive', {});
    for (let minutes = 0; minutes < 10; minutes++) await fire(later(minutes * 60_000));
    const { processInstance } = await suite.api.ok(
      `query ($id: ID!) { processInstance(id: $id) { status incidents { elementId jobType status message } } }`,
      { id: bad },
    );
    expect(processInstance.status).toBe('ACTIVE');
    expect(processInstance.incidents).toEqual([
      expect.objectContaining({ elementId: 'route', jobType: 'continue', status: 'OPEN' }),
    ]);
    expect(processInstance.incidents[0].message).toMatch(/^CONDITION_FAILED/);
  });

  describe('service tasks', () => {
    beforeAll(async () => {
      await suite.f.deploy(
        bpmnProcess(
          'lookup',
          `<bpmn:startEvent id="start" />
           <bpmn:serviceTask id="population" tthc:jobType="population-lookup" />
           <bpmn:userTask id="check" camunda:candidateGroups="civil_status" />
           <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="population" />
           <bpmn:sequenceFlow id="b" sourceRef="population" targetRef="check" />`,
        ),
      );
    });

    it('runs a registered handler after the step commits and goes on with its variables', async () => {
      const id = await suite.f.start('lookup', 'SV-1', { citizenId: '001203004567' });
      expect(await suite.f.waitingAt(id)).toEqual([]);
      const seen: unknown[] = [];
      const handlers = new JobHandlers().register('population-lookup', async (job) => {
        seen.push(job.variables);
        return { fullName: 'Nguyễn Văn An', verified: true };
      });
      expect(await runHandlerJobs(suite.api.database.store, handlers, () => clock.now)).toBe(1);
      expect(seen).toEqual([{ citizenId: '001203004567' }]);
      expect(await suite.f.waitingAt(id)).toEqual(['check']);
      expect((await suite.f.instance(id)).variables).toMatchObject({
        fullName: 'Nguyễn Văn An',
        verified: true,
      });
    });

    it('retries a failing handler later, with fewer tries left', async () => {
      await suite.f.start('lookup', 'SV-2', { citizenId: 'x' });
      const handlers = new JobHandlers().register('population-lookup', async () => {
        throw new Error('CSDLQG về dân cư không trả lời');
      });
      expect(await runHandlerJobs(suite.api.database.store, handlers, () => clock.now)).toBe(0);
      // Not offered again at once: the retry waits.
      const worker = `mutation { fetchAndLockJobs(type: "population-lookup", workerId: "w1", maxJobs: 5, lockSeconds: 60) { id retries errorMessage } }`;
      expect((await suite.api.ok(worker)).fetchAndLockJobs).toEqual([]);
      clock.now = later(HOUR);
      const [job] = (await suite.api.ok(worker)).fetchAndLockJobs;
      expect(job).toMatchObject({ retries: 2, errorMessage: 'CSDLQG về dân cư không trả lời' });
    });

    it('lets external workers take jobs over GraphQL, one worker per job', async () => {
      const id = await suite.f.start('lookup', 'SV-3', { citizenId: '036099001234' });
      const fetch = (worker: string) =>
        suite.api.ok(
          `mutation ($w: String!) { fetchAndLockJobs(type: "population-lookup", workerId: $w, maxJobs: 10, lockSeconds: 60) { id elementId processInstanceId lockedBy variables } }`,
          { w: worker },
        );
      const taken = (await fetch('worker-a')).fetchAndLockJobs.find(
        (j: any) => j.processInstanceId === id,
      );
      expect(taken).toMatchObject({
        elementId: 'population',
        lockedBy: 'worker-a',
        variables: { citizenId: '036099001234' },
      });
      expect((await fetch('worker-b')).fetchAndLockJobs.map((j: any) => j.id)).not.toContain(
        taken.id,
      );

      const stolen = await suite.api.graphql(
        `mutation ($id: ID!) { completeJob(id: $id, workerId: "worker-b") { id } }`,
        { id: taken.id },
      );
      expect(stolen.errors?.[0].extensions?.code).toBe('JOB_LOCKED');
      const done = await suite.api.ok(
        `mutation ($id: ID!) { completeJob(id: $id, workerId: "worker-a", variables: { found: true }) { id status } }`,
        {
          id: taken.id,
        },
      );
      expect(done.completeJob).toEqual({ id, status: 'ACTIVE' });
      expect(await suite.f.waitingAt(id)).toEqual(['check']);
      const again = await suite.api.graphql(`mutation ($id: ID!) { completeJob(id: $id) { id } }`, {
        id: taken.id,
      });
      expect(again.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });

    it('gives a send task to a worker like a service task', async () => {
      await suite.f.deploy(
        oneStepProcess('notify-citizen', '<bpmn:sendTask id="sms" tthc:jobType="send-sms" />'),
      );
      const id = await suite.f.start('notify-citizen', 'SV-8', { phone: '0912345678' });
      const [job] = (
        await suite.api.ok(
          `mutation { fetchAndLockJobs(type: "send-sms", workerId: "sms", maxJobs: 1, lockSeconds: 60) { id elementId variables } }`,
        )
      ).fetchAndLockJobs;
      expect(job).toMatchObject({ elementId: 'sms', variables: { phone: '0912345678' } });
      await suite.api.ok(`mutation ($id: ID!) { completeJob(id: $id, workerId: "sms") { id } }`, {
        id: job.id,
      });
      expect((await suite.f.instance(id)).status).toBe('COMPLETED');
    });

    it('lets a worker throw a BPMN error that an error boundary event on the task catches', async () => {
      await suite.f.deploy(
        bpmnProcess(
          'lookup-or-ask',
          `<bpmn:startEvent id="start" />
           <bpmn:serviceTask id="lookup" tthc:jobType="registry-lookup" />
           <bpmn:boundaryEvent id="notFound" attachedToRef="lookup"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
           <bpmn:userTask id="askCitizen" camunda:candidateGroups="reception" />
           <bpmn:endEvent id="end" />
           <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="lookup" />
           <bpmn:sequenceFlow id="b" sourceRef="lookup" targetRef="end" />
           <bpmn:sequenceFlow id="c" sourceRef="notFound" targetRef="askCitizen" />`,
        ).replace(
          '<bpmn:process',
          '<bpmn:error id="e" errorCode="NOT_IN_REGISTRY" />\n  <bpmn:process',
        ),
      );
      const id = await suite.f.start('lookup-or-ask', 'SV-9');
      const [job] = (
        await suite.api.ok(
          `mutation { fetchAndLockJobs(type: "registry-lookup", workerId: "w", maxJobs: 1, lockSeconds: 60) { id } }`,
        )
      ).fetchAndLockJobs;
      const thrown = await suite.api.ok(
        `mutation ($id: ID!) { throwJobError(id: $id, errorCode: "NOT_IN_REGISTRY", workerId: "w", variables: { reason: "không có trong CSDL" }) { id status } }`,
        { id: job.id },
      );
      expect(thrown.throwJobError).toEqual({ id, status: 'ACTIVE' });
      expect(await suite.f.waitingAt(id)).toEqual(['askCitizen']);
      expect((await suite.f.instance(id)).variables).toEqual({ reason: 'không có trong CSDL' });
    });
  });
});
