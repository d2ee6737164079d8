import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn, validateBpmn } from '../../src/bpmn/compile';
import { simulate } from '../../src/engine/simulate';
import type { JsonValue } from '../../src/engine/types';

/**
 * BPMN files written by others (../shared/bpmn-corpus), validated and deployed as a designer
 * would. The table below states, for every file, the rules that refuse it; an empty list means
 * the file deploys, and then it runs to the outcome stated in RUNS. A change in what the engine
 * accepts shows up here as a line to update. Why files are refused, by rule:
 * - engine/supported: elements the engine does not run yet (script and manual tasks, signals,
 *   compensation, timer start events of processes);
 * - engine/multi-instance: multi-instance activities with neither a collection nor a count;
 * - engine/called-element: call activities whose called process is an expression;
 * - engine/job-type: service tasks with no job type for a handler or worker to take (they call
 *   JavaScript in the engine they were written for);
 * - engine/timer: timers with no date, duration or cycle;
 * - engine/expression-language: conditions, timers and mappings in JavaScript, JUEL or XPath,
 *   which are never run;
 * - engine/task-role: user tasks nobody could take (no lane, group, user or assignee);
 * - engine/gateway-conditions: a flow out of a splitting gateway with no condition and not the default;
 * - engine/message-name: message events whose message has no name, so nothing can correlate to them;
 * - engine/valid: isExecutable="false" (the MIWG drawings), no start event, broken boundary events;
 * - engine/xml: the wrong BPMN namespace, on purpose (service-task-operation.bpmn);
 * - bpmnlint/...: bpmnlint's recommended rules that we keep as errors.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/bpmn-corpus');

const EXPECTED: Record<string, string[]> = {
  'bpmn-elements/activity-execution.bpmn': [
    'engine/gateway-conditions',
    'engine/job-type',
    'engine/message-name',
  ],
  'bpmn-elements/activity-lifecycle.bpmn': [
    'engine/expression-language',
    'engine/gateway-conditions',
    'engine/job-type',
  ],
  'bpmn-elements/ad-hoc-subprocess.bpmn': ['engine/supported'],
  'bpmn-elements/async-decision.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/bound-error-and-timer.bpmn': ['engine/supported'],
  'bpmn-elements/bound-error.bpmn': ['engine/supported'],
  'bpmn-elements/boundary-non-interupting-timer.bpmn': ['engine/task-role'],
  'bpmn-elements/boundary-timeout.bpmn': ['engine/task-role'],
  'bpmn-elements/bpmn-error.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/call-activity-signal.bpmn': [],
  'bpmn-elements/call-activity.bpmn': [],
  'bpmn-elements/conditional-bound-js-event.bpmn': ['engine/supported'],
  'bpmn-elements/conditional-flows.bpmn': ['engine/expression-language', 'engine/supported'],
  'bpmn-elements/consumer_error.bpmn': ['engine/expression-language', 'engine/supported'],
  'bpmn-elements/data-store-reference.bpmn': ['engine/supported'],
  'bpmn-elements/end-compensate.bpmn': [
    'engine/job-type',
    'engine/multi-instance',
    'engine/supported',
  ],
  'bpmn-elements/engine-issue-105_1.bpmn': [
    'engine/expression-language',
    'engine/job-type',
    'engine/task-role',
  ],
  'bpmn-elements/engine-issue-105_2.bpmn': [
    'engine/expression-language',
    'engine/job-type',
    'engine/task-role',
  ],
  'bpmn-elements/engine-issue-139.bpmn': ['engine/supported'],
  'bpmn-elements/engine-issue-180-message.bpmn': ['engine/job-type', 'engine/supported'],
  'bpmn-elements/engine-issue-180-signal.bpmn': ['engine/job-type', 'engine/supported'],
  'bpmn-elements/engine-issue-180.bpmn': ['engine/job-type', 'engine/supported'],
  'bpmn-elements/engine-issue-73.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/engine-issue-73_2.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/escalation-start-event.bpmn': [
    'bpmnlint/event-sub-process-typed-start-event',
    'engine/valid',
  ],
  'bpmn-elements/escalation.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/event-based-gateway-with-same-target.bpmn': [
    'bpmnlint/no-duplicate-sequence-flows',
    'engine/supported',
  ],
  'bpmn-elements/event-based-gateway.bpmn': ['engine/supported'],
  'bpmn-elements/exclusive-gateway-as-join.bpmn': [
    'engine/expression-language',
    'engine/supported',
  ],
  'bpmn-elements/forms.bpmn': ['engine/expression-language', 'engine/task-role'],
  'bpmn-elements/groups.bpmn': ['engine/supported'],
  'bpmn-elements/issue-19.bpmn': ['engine/supported'],
  'bpmn-elements/issue-3.bpmn': ['engine/supported'],
  'bpmn-elements/issue-31-cm.bpmn': [
    'engine/expression-language',
    'engine/job-type',
    'engine/task-role',
  ],
  'bpmn-elements/issue-31.bpmn': [
    'engine/expression-language',
    'engine/job-type',
    'engine/task-role',
  ],
  'bpmn-elements/issue-4.bpmn': ['engine/job-type', 'engine/supported'],
  'bpmn-elements/issue-42-same-target-sequence-flows.bpmn': [
    'bpmnlint/no-duplicate-sequence-flows',
    'engine/expression-language',
    'engine/supported',
  ],
  'bpmn-elements/join-inbound.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/valid',
  ],
  'bpmn-elements/lanes.bpmn': ['engine/message-name', 'engine/supported'],
  'bpmn-elements/link-event.bpmn': ['engine/supported'],
  'bpmn-elements/loop.bpmn': ['engine/expression-language', 'engine/supported'],
  'bpmn-elements/messageflow-target-process.bpmn': [],
  'bpmn-elements/messaging.bpmn': [
    'engine/expression-language',
    'engine/job-type',
    'engine/task-role',
  ],
  'bpmn-elements/misp-loopback.bpmn': [
    'engine/expression-language',
    'engine/multi-instance',
    'engine/supported',
  ],
  'bpmn-elements/misp-parallel-loopback.bpmn': [
    'engine/expression-language',
    'engine/multi-instance',
    'engine/task-role',
  ],
  'bpmn-elements/mother-of-all.bpmn': [
    'engine/expression-language',
    'engine/gateway-conditions',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/multiple-endEvents.bpmn': ['engine/gateway-conditions', 'engine/supported'],
  'bpmn-elements/multiple-joins.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/multiple-multiple-inbound.bpmn': [
    'engine/expression-language',
    'engine/supported',
  ],
  'bpmn-elements/nested-joins.bpmn': ['engine/expression-language', 'engine/job-type'],
  'bpmn-elements/parallel-join-edgecase.bpmn': ['engine/expression-language', 'engine/supported'],
  'bpmn-elements/process-message.bpmn': [],
  'bpmn-elements/resume_error.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/send-signal.bpmn': ['engine/valid'],
  'bpmn-elements/service-task-io.bpmn': ['engine/expression-language', 'engine/job-type'],
  'bpmn-elements/service-task-operation.bpmn': ['engine/xml'],
  'bpmn-elements/service-task.bpmn': ['engine/supported'],
  'bpmn-elements/signal-after-signal.bpmn': ['engine/supported'],
  'bpmn-elements/signals.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/simple-task.bpmn': ['engine/supported', 'engine/valid'],
  'bpmn-elements/sub-process.bpmn': ['engine/supported', 'engine/task-role'],
  'bpmn-elements/succeeding-joins.bpmn': ['engine/expression-language'],
  'bpmn-elements/swimlanes.bpmn': ['engine/supported'],
  'bpmn-elements/task-multiple-inbound.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/task-with-multi-instance-loop.bpmn': ['engine/supported'],
  'bpmn-elements/throw-compensate.bpmn': ['engine/supported'],
  'bpmn-elements/timer-event.bpmn': ['engine/supported'],
  'bpmn-elements/timer-start-event.bpmn': ['engine/valid'],
  'bpmn-elements/timers.bpmn': [
    'engine/expression-language',
    'engine/supported',
    'engine/task-role',
  ],
  'bpmn-elements/transaction.bpmn': ['engine/supported'],
  'bpmn-elements/two-executable-processes.bpmn': ['engine/supported'],
  'bpmn-elements/wait-activities.bpmn': [
    'engine/gateway-conditions',
    'engine/message-name',
    'engine/supported',
    'engine/task-role',
  ],
  'miwg-reference/A.1.0.bpmn': ['engine/valid'],
  'miwg-reference/A.2.0.bpmn': ['engine/valid'],
  'miwg-reference/A.2.1.bpmn': ['engine/valid'],
  'miwg-reference/A.3.0.bpmn': ['engine/valid'],
  'miwg-reference/A.4.0.bpmn': ['engine/valid'],
  'miwg-reference/A.4.1.bpmn': ['engine/valid'],
  'miwg-reference/B.1.0.bpmn': ['engine/valid'],
  'miwg-reference/B.2.0.bpmn': ['engine/valid'],
  'miwg-reference/C.1.0.bpmn': ['engine/expression-language', 'engine/job-type'],
  'miwg-reference/C.1.1.bpmn': [
    'engine/expression-language',
    'engine/job-type',
    'engine/task-role',
  ],
  'miwg-reference/C.2.0.bpmn': ['engine/valid'],
  'miwg-reference/C.3.0.bpmn': [
    'engine/expression-language',
    'engine/gateway-conditions',
    'engine/task-role',
    'engine/valid',
  ],
  'miwg-reference/C.4.0.bpmn': [
    'engine/gateway-conditions',
    'engine/job-type',
    'engine/message-name',
    'engine/supported',
    'engine/task-role',
  ],
  'miwg-reference/C.5.0.bpmn': [
    'engine/gateway-conditions',
    'engine/supported',
    'engine/task-role',
  ],
  'miwg-reference/C.6.0.bpmn': [
    'engine/job-type',
    'engine/message-name',
    'engine/supported',
    'engine/timer',
  ],
  'miwg-reference/C.7.0.bpmn': [
    'engine/gateway-conditions',
    'engine/job-type',
    'engine/multi-instance',
    'engine/supported',
  ],
  'miwg-reference/C.8.0.bpmn': ['engine/valid'],
  'miwg-reference/C.8.1.bpmn': ['engine/supported'],
  'miwg-reference/C.9.0.bpmn': ['engine/message-name', 'engine/supported', 'engine/task-role'],
  'miwg-reference/C.9.1.bpmn': ['engine/task-role'],
  'miwg-reference/C.9.2.bpmn': [],
};

/**
 * The deployable files and their stated outcome, when each user task is completed as it comes:
 * the tasks met in order, the final status, and where it still waits (if anywhere).
 */
const RUNS: Record<
  string,
  { variables?: Record<string, JsonValue>; tasks: string[]; status: string; waitingAt: string[] }
> = {
  'bpmn-elements/messageflow-target-process.bpmn': {
    tasks: [],
    status: 'COMPLETED',
    waitingAt: [],
  },
  'bpmn-elements/process-message.bpmn': { tasks: [], status: 'COMPLETED', waitingAt: [] },
  // The called process is drawn in the same file but not executable: the call waits for ever.
  'bpmn-elements/call-activity.bpmn': { tasks: [], status: 'ACTIVE', waitingAt: ['call-activity'] },
  'bpmn-elements/call-activity-signal.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['call-activity'],
  },
  // Camunda 8's manual check (MIWG C.9.2): its event sub-processes listen by document reference.
  'miwg-reference/C.9.2.bpmn': {
    variables: {
      documentReferenceId: 'DOC-1',
      fraudSuspectedId: 'FR-1',
      risks: ['none'],
      applicant: { name: 'An', age: 30 },
    },
    tasks: ['UserTask_DecideOnApplication'],
    status: 'COMPLETED',
    waitingAt: [],
  },
};

function corpusFiles(): string[] {
  return ['bpmn-elements', 'miwg-reference'].flatMap((folder) =>
    readdirSync(path.join(CORPUS, folder))
      .filter((file) => file.endsWith('.bpmn'))
      .sort()
      .map((file) => `${folder}/${file}`),
  );
}

const present = existsSync(CORPUS);
if (!present)
  console.warn(`The BPMN corpus is not at ${CORPUS}: the conformance suite is skipped.`);

(present ? describe : describe.skip)('the external BPMN corpus', () => {
  const files = present ? corpusFiles() : [];
  const refusedBy = new Map<string, number>();

  afterAll(() => {
    const runs = files.filter((file) => EXPECTED[file]?.length === 0).length;
    const rules = [...refusedBy]
      .sort((a, b) => b[1] - a[1])
      .map(([rule, count]) => `${rule} ${count}`);
    console.log(
      `BPMN corpus: ${files.length} files, ${runs} deploy and run, ${files.length - runs} refused (${rules.join(', ')})`,
    );
  });

  it('lists every file of the corpus', () => {
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(files)('%s', async (file) => {
    const xml = readFileSync(path.join(CORPUS, file), 'utf8');
    const { errors } = await validateBpmn(xml);
    const rules = [...new Set(errors.map((problem) => problem.rule ?? '(none)'))].sort();
    for (const rule of rules) refusedBy.set(rule, (refusedBy.get(rule) ?? 0) + 1);
    expect(rules).toEqual(EXPECTED[file]);
    for (const problem of errors) expect(problem.message.length).toBeGreaterThan(10);
    for (const problem of errors.filter((p) => p.rule === 'engine/supported'))
      expect(problem.elementId).toBeTruthy();
    if (rules.length === 0) {
      const [model] = (await compileBpmn(xml)).processes;
      const { variables, ...outcome } = RUNS[file];
      const { tasks, status, waitingAt } = simulate(model, {
        variables,
        now: '2026-03-02T02:00:00.000Z',
      });
      expect({ tasks, status, waitingAt }).toEqual(outcome);
    }
  });
});
