import type { ProcessModel } from '../../../src/bpmn/model';
import { step } from '../../../src/engine/step';
import type { Command, Effect, InstanceState } from '../../../src/engine/types';
import { modelFrom } from '../../support/models';

const NOW = '2026-03-02T02:00:00.000Z';

/**
 * Drives an instance to its end: at each wait it completes the oldest task, or else delivers the
 * oldest message wait, with variables that steer the gateways. Before each step the state may go
 * through JSON, as it does through PostgreSQL.
 */
function drive(model: ProcessModel, viaJson: boolean, variables: Record<string, unknown>) {
  const trace: { state: InstanceState; effects: Effect[] }[] = [];
  let result = step(
    model,
    undefined,
    { type: 'START', variables: variables as never, businessKey: 'RH-1' },
    NOW,
  );
  trace.push(result);
  for (let turn = 0; result.state.status === 'ACTIVE' && turn < 50; turn++) {
    const state: InstanceState = viaJson ? JSON.parse(JSON.stringify(result.state)) : result.state;
    const task = state.tokens.find((token) => model.nodes[token.elementId].type === 'userTask');
    const subscription = state.subscriptions[0];
    const command: Command | undefined = task
      ? {
          type: 'COMPLETE_TASK',
          waitId: task.id,
          variables: { complete: turn > 2 },
          actor: 'officer',
        }
      : subscription && {
          type: 'CORRELATE_MESSAGE',
          subscriptionId: subscription.id,
          variables: { note: turn },
        };
    if (!command) break;
    result = step(model, state, command, NOW);
    trace.push(result);
  }
  return trace;
}

describe('an instance stopped at any wait', () => {
  it.each([
    ['processes/civil-status/birth-registration.bpmn', {}],
    ['processes/joint/birth-residence-insurance.bpmn', {}],
    ['test/fixtures/parallel-review.bpmn', {}],
  ])('resumes from stored state to the same outcome: %s', async (file, variables) => {
    const model = await modelFrom(file);
    const inMemory = drive(model, false, variables);
    const stored = drive(model, true, variables);
    expect(stored).toEqual(inMemory);
    expect(stored.at(-1)?.state.status).toBe('COMPLETED');
    expect(stored.length).toBeGreaterThan(3);
  });
});
