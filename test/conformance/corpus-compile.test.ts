import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn, type CompiledBpmn } from '../../src/bpmn/compile';
import type { ProcessModel } from '../../src/bpmn/model';
import { step } from '../../src/engine/step';
import { AppError } from '../../src/errors';

/**
 * BPMN files written by others (../shared/bpmn-corpus), compiled as a designer would deploy them.
 * Every file must either compile or be refused with a code and a message that names an element
 * or a line; the parser never crashes. Which outcome each file gets is listed here with its
 * reason, so that a change in what the engine accepts shows up as a failing line to update.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/bpmn-corpus');

/**
 * Files the engine runs today, each with its stated outcome: the user tasks met, in order, when
 * every task is completed as it comes, until the instance completes.
 */
const RUNS: Record<string, string[]> = {
  'bpmn-elements/forms.bpmn': ['userTask'],
  'bpmn-elements/process-message.bpmn': [],
  'bpmn-elements/messageflow-target-process.bpmn': [],
};

/** Files that are wrong for any engine, with why. */
const INVALID: Record<string, string> = {
  'bpmn-elements/service-task-operation.bpmn': 'wrong BPMN namespace, on purpose',
  'bpmn-elements/simple-task.bpmn': 'no start event',
  'bpmn-elements/activity-execution.bpmn': 'a message start event whose message has no name',
  'bpmn-elements/lanes.bpmn': 'a message catch event whose message has no name',
  'bpmn-elements/wait-activities.bpmn': 'receive task and catch event with nameless messages',
  'bpmn-elements/join-inbound.bpmn': 'a boundary event with no event definition',
  'miwg-reference/C.3.0.bpmn': 'a collapsed sub-process with nothing inside it',
  'miwg-reference/C.4.0.bpmn': 'message events whose messages have no name',
  'miwg-reference/C.6.0.bpmn': 'message events whose messages have no name',
  'bpmn-elements/send-signal.bpmn': 'isExecutable="false"',
  'bpmn-elements/timer-start-event.bpmn': 'isExecutable="false"',
  'miwg-reference/A.1.0.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/A.2.0.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/A.2.1.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/A.3.0.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/A.4.0.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/A.4.1.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/B.1.0.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/B.2.0.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/C.2.0.bpmn': 'isExecutable="false": a drawing for interchange tests',
  'miwg-reference/C.8.0.bpmn': 'isExecutable="false": a drawing for interchange tests',
};
// Every other file uses elements or expression languages the engine does not run yet (service
// and script tasks, sub-processes, boundary and message events, JavaScript or XPath conditions):
// it must be refused as BPMN_UNSUPPORTED, naming the element.

function corpusFiles(): string[] {
  return ['bpmn-elements', 'miwg-reference'].flatMap((folder) =>
    readdirSync(path.join(CORPUS, folder))
      .filter((file) => file.endsWith('.bpmn'))
      .sort()
      .map((file) => `${folder}/${file}`),
  );
}

describe('the external BPMN corpus', () => {
  it('is beside the project, in ../shared/bpmn-corpus', () => {
    expect(existsSync(CORPUS)).toBe(true);
    expect(corpusFiles().length).toBeGreaterThan(90);
  });

  const files = existsSync(CORPUS) ? corpusFiles() : [];
  it.each(files)('%s', async (file) => {
    const outcome = await compileBpmn(readFileSync(path.join(CORPUS, file), 'utf8')).then(
      (compiled) => ({ compiled }),
      (error: unknown) => ({ error }),
    );
    if (file in RUNS) {
      expect(outcome).toHaveProperty('compiled');
      const [model] = (outcome as { compiled: CompiledBpmn }).compiled.processes;
      expect(runCompletingEveryTask(model)).toEqual({ tasks: RUNS[file], status: 'COMPLETED' });
      return;
    }
    expect(outcome).toHaveProperty('error');
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.code).toBe(file in INVALID ? 'BPMN_INVALID' : 'BPMN_UNSUPPORTED');
    if (appError.code === 'BPMN_UNSUPPORTED') expect(appError.details.elementId).toBeTruthy();
    expect(appError.message.length).toBeGreaterThan(20);
  });
});

/** Starts the process and completes each user task as it comes, at most 100 steps. */
function runCompletingEveryTask(model: ProcessModel): { tasks: string[]; status: string } {
  const now = '2026-03-02T02:00:00.000Z';
  const tasks: string[] = [];
  let { state } = step(model, undefined, { type: 'START', variables: {} }, now);
  for (let steps = 0; state.status === 'ACTIVE' && steps < 100; steps++) {
    const waiting = state.tokens.find((token) => model.nodes[token.elementId].type === 'userTask');
    if (!waiting) break;
    tasks.push(waiting.elementId);
    state = step(
      model,
      state,
      { type: 'COMPLETE_TASK', waitId: waiting.id, variables: {} },
      now,
    ).state;
  }
  return { tasks, status: state.status };
}
