import { Run, between } from '../driver';

const CALL = '<bpmn:callActivity id="insurance" calledElement="health-insurance" />';

describe('a call activity', () => {
  it('waits while the store starts an instance of the called process', async () => {
    const run = await Run.start(between(CALL, 'insurance', 'insurance'), { child: 'An' });
    expect(run.tokens()).toEqual(['insurance']);
    expect(run.of('START_CHILD')).toEqual([
      expect.objectContaining({
        elementId: 'insurance',
        processKey: 'health-insurance',
        waitId: run.tokenAt('insurance'),
        variables: { child: 'An' },
      }),
    ]);
  });

  it("moves on with the child's variables when the child completes", async () => {
    const run = await Run.start(between(CALL, 'insurance', 'insurance'));
    run.childCompleted('insurance', { cardNumber: 'GD4010123' });
    expect(run.variables()).toEqual({ cardNumber: 'GD4010123' });
    expect(run.state.status).toBe('COMPLETED');
  });

  it('cancels its child when the instance is canceled', async () => {
    const run = await Run.start(between(CALL, 'insurance', 'insurance'));
    run.send({ type: 'CANCEL' });
    expect(run.of('CANCEL_CHILD')).toHaveLength(1);
  });
});
