import { SENDER_DELIVERS_WITHIN_MS } from '../../../../src/store/pipeline/plan/write-plan';
import { NOW, plan } from './planning';

describe('planning the effects on jobs', () => {
  it('schedules a timer as a job due when the timer is', () => {
    const timer = { id: 4, elementId: 'wait', dueAt: '2026-03-03T02:00:00.000Z' };
    const [write] = plan([{ type: 'SCHEDULE_TIMER', timer } as never]).writes;
    expect(write).toMatchObject({
      row: 'job:4',
      kind: 'insert',
      insert: {
        table: 'job',
        values: {
          id: 'id-1',
          kind: 'timer',
          waitId: 4,
          elementId: 'wait',
          dueAt: new Date('2026-03-03T02:00:00.000Z'),
          retries: 3,
        },
      },
    });
  });

  it("gives a service task's work to workers at once, with the element's tries", () => {
    const effect = {
      type: 'CREATE_JOB' as const,
      waitId: 5,
      elementId: 'lookup',
      jobType: 'population',
      retries: 5,
    };
    expect(plan([effect]).writes[0]).toMatchObject({
      insert: { values: { kind: 'task', type: 'population', dueAt: NOW, retries: 5 } },
    });
  });

  it('continues an async element later, in a job of its own', () => {
    const [write] = plan([{ type: 'CONTINUE_LATER', waitId: 6, elementId: 'file' }]).writes;
    expect(write).toMatchObject({ row: 'job:6', insert: { values: { kind: 'continue' } } });
  });

  it('withdraws the jobs of a timer or a task that ended', () => {
    expect(
      plan([
        { type: 'CANCEL_TIMER', subscriptionId: 4 },
        { type: 'CANCEL_JOB', waitId: 5 },
      ]).writes,
    ).toEqual([
      { row: 'job:4', kind: 'deleteJobs', waitId: 4 },
      { row: 'job:5', kind: 'deleteJobs', waitId: 5 },
    ]);
  });

  it('writes a sent message to the outbox, for its sender to deliver after the commit', () => {
    const effect = {
      type: 'SEND_MESSAGE' as const,
      elementId: 'notify',
      messageName: 'registered',
      correlationKey: 'HS-1',
      variables: { ok: true },
    };
    const { writes, sent } = plan([effect]);
    expect(sent).toEqual([{ jobId: 'id-1' }]);
    expect(writes[0]).toMatchObject({
      row: 'message:id-1',
      insert: {
        values: {
          kind: 'message',
          instanceId: null,
          dueAt: new Date(NOW.getTime() + SENDER_DELIVERS_WITHIN_MS),
          payload: {
            messageName: 'registered',
            correlationKey: 'HS-1',
            variables: { ok: true },
            from: 'i-1',
          },
        },
      },
    });
  });
});
