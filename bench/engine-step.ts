import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../src/bpmn/compile';
import { PROJECT_ROOT } from '../src/config';
import type { ProcessModel } from '../src/bpmn/model';
import { simulate } from '../src/engine/simulate';
import type { InstanceState } from '../src/engine/types';
import { measure, type Measurement } from './measure';

export const FIVE_TASKS = readFileSync(
  path.join(PROJECT_ROOT, 'bench/fixtures/five-tasks.bpmn'),
  'utf8',
);

/** Runs one instance of the five-task process to its end through the pure step(): 6 steps. */
export function runToEnd(model: ProcessModel, now: string): InstanceState {
  const { state } = simulate(model, { variables: { missing: false }, now });
  if (state.status !== 'COMPLETED') throw new Error('the benchmark process did not complete');
  return state;
}

/** The engine core in memory: instances of the five-task process run to the end. */
export async function benchEngineStep(instances: number): Promise<Measurement> {
  const [model] = (await compileBpmn(FIVE_TASKS)).processes;
  const now = '2026-03-02T02:00:00.000Z';
  for (let i = 0; i < Math.min(2_000, instances); i++) runToEnd(model, now); // warm-up: JIT
  return measure(instances, () => {
    for (let i = 0; i < instances; i++) runToEnd(model, now);
  });
}
