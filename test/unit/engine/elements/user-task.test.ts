import { Run, between } from '../driver';

const CHECK = '<bpmn:userTask id="check" name="Thẩm định" tthc:role="civil_status" />';

describe('a user task', () => {
  it("waits, and sends its task to its role's inbox", async () => {
    const run = await Run.start(between(CHECK, 'check', 'check'));
    expect(run.tokens()).toEqual(['check']);
    expect(run.of('CREATE_TASK')).toEqual([
      expect.objectContaining({
        elementId: 'check',
        name: 'Thẩm định',
        candidateGroups: ['civil_status'],
        waitId: run.tokenAt('check'),
      }),
    ]);
  });

  it('sets the variables it is completed with and moves on', async () => {
    const run = await Run.start(between(CHECK, 'check', 'check'));
    const waitId = run.tokenAt('check');
    run.complete('check', { complete: true });
    expect(run.of('COMPLETE_TASK')).toEqual([expect.objectContaining({ waitId })]);
    expect(run.variables()).toEqual({ complete: true });
    expect(run.state.status).toBe('COMPLETED');
  });

  it('refuses to complete a wait that is no task, and the run is unchanged', async () => {
    const run = await Run.start(between(CHECK, 'check', 'check'));
    const before = JSON.stringify(run.state);
    expect(() => run.send({ type: 'COMPLETE_TASK', waitId: 999, variables: {} })).toThrow();
    expect(JSON.stringify(run.state)).toBe(before);
  });
});

describe('a user task assigned by expression', () => {
  it('evaluates its assignments when it opens, beside the names written in the file', async () => {
    const run = await Run.start(
      between(
        '<bpmn:userTask id="a" camunda:assignee="${initiator}" camunda:candidateGroups="office" camunda:candidateUsers="=helpers" />',
        'a',
        'a',
      ),
      { initiator: 'an.nguyen', helpers: ['binh', 'chi'] },
    );
    expect(run.of('CREATE_TASK')[0]).toMatchObject({
      assignee: 'an.nguyen',
      candidateGroups: ['office'],
      candidateUsers: ['binh', 'chi'],
    });
  });

  it('refuses the step, naming the element, when an assignment gives no names', async () => {
    await expect(
      Run.start(between('<bpmn:userTask id="a" camunda:assignee="=count" />', 'a', 'a'), {
        count: 3,
      }),
    ).rejects.toMatchObject({ code: 'EXPRESSION_FAILED', details: { elementId: 'a' } });
  });
});
