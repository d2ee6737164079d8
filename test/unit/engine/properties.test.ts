import fc from 'fast-check';
import { compileBpmn } from '../../../src/bpmn/compile';
import type { ProcessModel } from '../../../src/bpmn/model';
import { step } from '../../../src/engine/step';
import type { InstanceState, StepResult } from '../../../src/engine/types';
import { AppError } from '../../../src/errors';
import { blockArbitrary, processOf } from '../../support/generated-process';

/**
 * Property tests over generated, well-formed processes (see generated-process.ts), driven by
 * random completions. Bounded in size and runs so the suite stays fast.
 */
const NOW = '2026-03-02T02:00:00.000Z';

/** Completes waiting tasks in the order `choices` picks, passing every state through JSON. */
function run(model: ProcessModel, variables: Record<string, boolean>, choices: number[]) {
  let result: StepResult = step(model, undefined, { type: 'START', variables }, NOW);
  // Generated processes have no loops: an element that is activated twice ran twice.
  const activated = new Set<string>();
  const once = (effects: StepResult['effects']) => {
    for (const effect of effects) {
      if (effect.type !== 'HISTORY' || effect.eventType !== 'ELEMENT_ACTIVATED') continue;
      expect(activated.has(effect.elementId)).toBe(false);
      activated.add(effect.elementId);
    }
  };
  once(result.effects);
  const check = (state: InstanceState) => {
    for (const node of Object.values(model.nodes).filter((n) => n.type === 'parallelGateway')) {
      const waiting = state.tokens.filter((t) => t.elementId === node.id);
      // Tokens are conserved at a join: never more waiting than it has incoming flows, per scope.
      const perScope = new Map<number, number>();
      for (const token of waiting)
        perScope.set(token.scopeId, (perScope.get(token.scopeId) ?? 0) + 1);
      for (const count of perScope.values()) expect(count).toBeLessThan(node.incoming.length);
    }
  };
  check(result.state);
  for (let turn = 0; result.state.status === 'ACTIVE'; turn++) {
    if (turn > 200) throw new Error('the run did not end');
    const state = JSON.parse(JSON.stringify(result.state)) as InstanceState;
    const tasks = state.tokens.filter((token) => model.nodes[token.elementId].type === 'userTask');
    // An active instance always has a task waiting: nothing is stuck at a join or lost.
    expect(tasks.length).toBeGreaterThan(0);
    const task = tasks[(choices[turn % choices.length] ?? 0) % tasks.length];
    result = step(model, state, { type: 'COMPLETE_TASK', waitId: task.id, variables: {} }, NOW);
    once(result.effects);
    check(result.state);
  }
  return result;
}

describe('generated processes', () => {
  it('compile, run to completion in any order of work, and keep their tokens', async () => {
    await fc.assert(
      fc.asyncProperty(
        blockArbitrary,
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 20 }),
        async (block, flags, choices) => {
          const { processes } = await compileBpmn(processOf(block));
          const model = processes[0];
          const variables = Object.fromEntries(flags.map((flag, index) => [`x${index}`, flag]));
          // Gateways name their variable after their number: give every possible name a value.
          for (const id of Object.keys(model.nodes)) {
            if (!id.startsWith('split')) continue;
            const n = id.slice(5);
            variables[`x${n}`] ??= false;
            variables[`y${n}`] = flags[(Number(n) + 20) % flags.length];
          }
          let final: StepResult;
          try {
            final = run(model, variables, choices);
          } catch (error) {
            if (error instanceof AppError)
              throw new Error(`step refused a valid process: ${error.code} ${error.message}`, {
                cause: error,
              });
            throw error;
          }
          expect(final.state.status).toBe('COMPLETED');
          expect(final.state.tokens).toEqual([]);
          expect(final.state.scopes.map((scope) => scope.id)).toEqual([0]);
        },
      ),
      { numRuns: 150, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('give the same result for the same inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        blockArbitrary,
        fc.array(fc.nat(), { minLength: 1, maxLength: 10 }),
        async (block, choices) => {
          const [model] = (await compileBpmn(processOf(block))).processes;
          const variables: Record<string, boolean> = {};
          for (const id of Object.keys(model.nodes)) {
            if (id.startsWith('split'))
              Object.assign(variables, { [`x${id.slice(5)}`]: true, [`y${id.slice(5)}`]: true });
          }
          expect(run(model, variables, choices)).toEqual(run(model, variables, choices));
        },
      ),
      { numRuns: 50, interruptAfterTimeLimit: 10_000 },
    );
  });
});
