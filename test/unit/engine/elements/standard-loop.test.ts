import { Run, between } from '../driver';

const loop = (attributes: string, condition?: string) =>
  `<bpmn:userTask id="check" tthc:role="office">
     <bpmn:standardLoopCharacteristics ${attributes}>${condition === undefined ? '' : `<bpmn:loopCondition xsi:type="bpmn:tFormalExpression">${condition}</bpmn:loopCondition>`}</bpmn:standardLoopCharacteristics>
   </bpmn:userTask>`;

/** Completes the pass that waits (the task in the loop's item scope, not the loop's own token). */
function pass(run: Run, variables = {}): Run {
  const items = new Set(
    run.state.scopes.filter((s) => s.multiInstance === 'item').map((s) => s.id),
  );
  const token = run.state.tokens.find((t) => items.has(t.scopeId));
  if (!token) throw new Error('no pass waits');
  return run.send({ type: 'COMPLETE_TASK', waitId: token.id, variables });
}

describe('a standard loop', () => {
  it('goes round while its condition holds, tested after each pass', async () => {
    const run = await Run.start(between(loop('', 'not(complete)'), 'check', 'check'));
    pass(run, { complete: false });
    expect(run.tokens()).toEqual(['check', 'check']); // the body and its next pass
    pass(run, { complete: true });
    expect(run.state.status).toBe('COMPLETED');
    expect(run.all.filter((e) => e.type === 'CREATE_TASK')).toHaveLength(2);
  });

  it('tested before, does not run at all when the condition does not hold', async () => {
    const run = await Run.start(
      between(loop('testBefore="true"', 'pending > 0'), 'check', 'check'),
      {
        pending: 0,
      },
    );
    expect(run.state.status).toBe('COMPLETED');
    expect(run.all.filter((e) => e.type === 'CREATE_TASK')).toHaveLength(0);
  });

  it('stops at its maximum, and counts its passes in loopCounter', async () => {
    const run = await Run.start(between(loop('loopMaximum="2"', 'true'), 'check', 'check'));
    const item = run.state.scopes.find((scope) => scope.multiInstance === 'item');
    expect(item?.variables.loopCounter).toBe(1);
    pass(pass(run));
    expect(run.state.status).toBe('COMPLETED');
  });
});
