import { deliverDueMessages } from '../../../src/jobs/outbox';
import { latestDefinition } from '../../../src/store/definitions';
import { UnitOfWork } from '../../../src/store/pipeline/unit-of-work';
import { bpmnProcess } from '../../support/bpmn';
import { apiSuite } from '../../support/flows';

const MESSAGE = '<bpmn:message id="m" name="residence-registered" />';

/** A message is written with the step that sends it, so a crash after the commit loses nothing. */
describe('the outbox of sent messages', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const dataSource = () => suite.api.database.dataSource;
  const store = () => suite.api.database.store;
  const later = (ms: number) => new Date(clock.now.getTime() + ms);
  const messageJobs = async () =>
    Number((await dataSource().query(`SELECT count(*) FROM job WHERE kind = 'message'`))[0].count);
  /** Starts `key` as a server would, but "dies" after the commit: nothing is delivered. */
  const startAndCrash = (key: string, businessKey: string) =>
    store().transaction(async (tx) =>
      new UnitOfWork(tx, clock.now).start(await latestDefinition(tx.manager, key), {
        businessKey,
        variables: { address: 'Thôn 3, xã Tân Lập' },
      }),
    );

  beforeAll(async () => {
    await suite.f.deploy(
      bpmnProcess(
        'police',
        `<bpmn:startEvent id="start" />
         <bpmn:endEvent id="notify"><bpmn:messageEventDefinition messageRef="m" /></bpmn:endEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="notify" />`,
        '',
        MESSAGE,
      ),
    );
    await suite.f.deploy(
      bpmnProcess(
        'commune',
        `<bpmn:startEvent id="start" />
         <bpmn:receiveTask id="wait" messageRef="m" />
         <bpmn:userTask id="record" camunda:candidateGroups="civil_status" />
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="wait" />
         <bpmn:sequenceFlow id="b" sourceRef="wait" targetRef="record" />`,
        '',
        MESSAGE,
      ),
    );
  });

  it('is delivered at once by the sender after its commit', async () => {
    const waiting = await suite.f.start('commune', 'HS-1');
    await suite.f.start('police', 'HS-1');
    expect(await suite.f.waitingAt(waiting)).toEqual(['record']);
    expect(await messageJobs()).toBe(0);
  });

  it('is delivered once by a runner when the sender died after its commit', async () => {
    const waiting = await suite.f.start('commune', 'HS-2');
    await startAndCrash('police', 'HS-2');
    expect(await messageJobs()).toBe(1);
    expect(await suite.f.waitingAt(waiting)).toEqual([]);
    // The sender has a moment to deliver it itself; then any runner does.
    const round = { holder: 'runner-a', lockSeconds: 30 };
    expect(await deliverDueMessages(store(), clock.now, round)).toBe(0);
    expect(await deliverDueMessages(store(), later(5000), round)).toBe(1);
    expect(await deliverDueMessages(store(), later(6000), round)).toBe(0);
    expect(await suite.f.waitingAt(waiting)).toEqual(['record']);
    expect((await suite.f.instance(waiting)).variables).toMatchObject({
      address: 'Thôn 3, xã Tân Lập',
    });
    expect(await suite.f.historyOf(waiting, 'MESSAGE_CORRELATED')).toEqual([
      'MESSAGE_CORRELATED wait',
    ]);
  });

  it('is dropped, once, when nobody waits for it', async () => {
    await startAndCrash('police', 'HS-NOBODY');
    const round = { holder: 'runner-b', lockSeconds: 30 };
    expect(await deliverDueMessages(store(), later(5000), round)).toBe(1);
    expect(await messageJobs()).toBe(0);
  });

  it('stops two processes that answer each other for ever, with an incident', async () => {
    const echo = (key: string, hears: string, says: string) =>
      bpmnProcess(
        key,
        `<bpmn:startEvent id="start" />
         <bpmn:receiveTask id="listen" messageRef="hear" />
         <bpmn:intermediateThrowEvent id="answer"><bpmn:messageEventDefinition messageRef="say" /></bpmn:intermediateThrowEvent>
         <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="listen" />
         <bpmn:sequenceFlow id="b" sourceRef="listen" targetRef="answer" />
         <bpmn:sequenceFlow id="c" sourceRef="answer" targetRef="listen" />`,
        '',
        `<bpmn:message id="hear" name="${hears}" /><bpmn:message id="say" name="${says}" />`,
      );
    await suite.f.deploy(echo('ping', 'ping', 'pong'));
    await suite.f.deploy(echo('pong', 'pong', 'ping'));
    const ping = await suite.f.start('ping', 'LOOP');
    const pong = await suite.f.start('pong', 'LOOP');
    expect((await suite.f.correlate('ping', 'LOOP')).errors).toBeUndefined();
    const round = { holder: 'runner-c', lockSeconds: 30 };
    for (let i = 1; i < 100 && (await messageJobs()) > 0; i++) {
      await deliverDueMessages(store(), later(i * 5000), round);
    }
    expect(await messageJobs()).toBe(0);
    const incidents = await dataSource().query(
      `SELECT instance_id, element_id, job_type, message FROM incident WHERE job_type = 'message'`,
    );
    expect(incidents).toHaveLength(1);
    expect(incidents[0].message).toMatch(/^MESSAGE_LOOP: 'p[io]ng' was dropped after 100 messages/);
    // Recorded on the instance that sent the last message.
    expect([ping, pong]).toContain(incidents[0].instance_id);
  });
});
