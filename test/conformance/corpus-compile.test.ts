import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn, validateBpmn } from '../../src/bpmn/compile';
import { decodeBpmnFile } from '../../src/bpmn/decode';
import { simulate } from '../../src/engine/simulate';
import type { JsonValue } from '../../src/engine/types';

/**
 * BPMN files written by others (../shared/bpmn-corpus), validated and deployed as a designer
 * would. Every file is in one of two tables: DEPLOYS, with what happens when each user task is
 * completed as it comes (and the engine's warnings), or REFUSED, with the rules that refuse it
 * and why it cannot run here. A change in what the engine accepts shows up as a line to move.
 */
const CORPUS = path.resolve(__dirname, '../../../shared/bpmn-corpus');

// Why a file cannot run here. Most of bpmn-elements was written for bpmn-engine, whose
// scripts, conditions and services are JavaScript: the engine never runs foreign code.
const JAVASCRIPT = 'runs JavaScript (scripts, conditions or conditional events)';
const BPMN_ENGINE = "reads bpmn-engine's JavaScript environment (`${environment...}`)";
const JAVA = 'calls Java code (a delegate, class or expression)';
const DRAWING = 'a drawing: no process in it is executable';
const NO_NAME = 'messages or signals without a name, which nothing could reach';

const REFUSED: Record<string, { rules: string[]; because: string }> = {
  'bpmn-elements/activity-execution.bpmn': {
    rules: ['engine/gateway-conditions', 'engine/message-name'],
    because: 'messages without a name; gateways without conditions',
  },
  'bpmn-elements/activity-lifecycle.bpmn': {
    rules: ['engine/expression-language', 'engine/gateway-conditions'],
    because: BPMN_ENGINE,
  },
  'bpmn-elements/ad-hoc-subprocess.bpmn': {
    rules: ['engine/supported'],
    because: 'an ad-hoc sub-process, outside the subset we run',
  },
  'bpmn-elements/async-decision.bpmn': {
    rules: ['engine/expression-language'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/bound-error-and-timer.bpmn': { rules: ['engine/supported'], because: JAVASCRIPT },
  'bpmn-elements/bound-error.bpmn': { rules: ['engine/supported'], because: JAVASCRIPT },
  'bpmn-elements/bpmn-error.bpmn': { rules: ['engine/expression-language'], because: BPMN_ENGINE },
  'bpmn-elements/conditional-bound-js-event.bpmn': {
    rules: ['engine/expression-language'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/conditional-flows.bpmn': {
    rules: ['engine/expression-language'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/consumer_error.bpmn': {
    rules: ['engine/expression-language'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/end-compensate.bpmn': {
    rules: ['engine/multi-instance'],
    because: 'invalid: a multi-instance with neither a collection nor a cardinality',
  },
  'bpmn-elements/engine-issue-105_1.bpmn': {
    rules: ['engine/expression-language'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/engine-issue-105_2.bpmn': {
    rules: ['engine/expression-language'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/engine-issue-73.bpmn': {
    rules: ['engine/expression-language'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/engine-issue-73_2.bpmn': {
    rules: ['engine/expression-language'],
    because: BPMN_ENGINE,
  },
  'bpmn-elements/escalation-start-event.bpmn': {
    rules: ['bpmnlint/event-sub-process-typed-start-event', 'engine/valid'],
    because: 'invalid: its event sub-process starts with a none start event',
  },
  'bpmn-elements/escalation.bpmn': { rules: ['engine/expression-language'], because: BPMN_ENGINE },
  'bpmn-elements/event-based-gateway-with-same-target.bpmn': {
    rules: ['bpmnlint/no-duplicate-sequence-flows', 'engine/valid'],
    because: 'invalid: an event-based gateway leads twice to the same event',
  },
  'bpmn-elements/exclusive-gateway-as-join.bpmn': {
    rules: ['engine/expression-language', 'engine/supported'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/forms.bpmn': { rules: ['engine/expression-language'], because: BPMN_ENGINE },
  'bpmn-elements/issue-19.bpmn': { rules: ['engine/supported'], because: JAVASCRIPT },
  'bpmn-elements/issue-3.bpmn': { rules: ['engine/supported'], because: JAVASCRIPT },
  'bpmn-elements/issue-31-cm.bpmn': { rules: ['engine/expression-language'], because: BPMN_ENGINE },
  'bpmn-elements/issue-31.bpmn': { rules: ['engine/expression-language'], because: BPMN_ENGINE },
  'bpmn-elements/issue-42-same-target-sequence-flows.bpmn': {
    rules: ['bpmnlint/no-duplicate-sequence-flows', 'engine/expression-language'],
    because: BPMN_ENGINE,
  },
  'bpmn-elements/join-inbound.bpmn': {
    rules: ['engine/valid'],
    because: 'invalid: a boundary event that catches nothing',
  },
  'bpmn-elements/lanes.bpmn': { rules: ['engine/message-name'], because: NO_NAME },
  'bpmn-elements/link-event.bpmn': { rules: ['engine/supported'], because: JAVASCRIPT },
  'bpmn-elements/loop.bpmn': {
    rules: ['engine/expression-language', 'engine/supported'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/messaging.bpmn': { rules: ['engine/expression-language'], because: BPMN_ENGINE },
  'bpmn-elements/misp-loopback.bpmn': {
    rules: ['engine/expression-language', 'engine/multi-instance', 'engine/supported'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/misp-parallel-loopback.bpmn': {
    rules: ['engine/expression-language', 'engine/multi-instance'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/mother-of-all.bpmn': {
    rules: ['engine/expression-language', 'engine/gateway-conditions', 'engine/supported'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/multiple-endEvents.bpmn': {
    rules: ['engine/gateway-conditions', 'engine/supported'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/multiple-joins.bpmn': {
    rules: ['engine/expression-language', 'engine/supported'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/multiple-multiple-inbound.bpmn': {
    rules: ['engine/expression-language'],
    because: BPMN_ENGINE,
  },
  'bpmn-elements/nested-joins.bpmn': { rules: ['engine/expression-language'], because: JAVASCRIPT },
  'bpmn-elements/resume_error.bpmn': {
    rules: ['engine/expression-language', 'engine/supported'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/send-signal.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'bpmn-elements/service-task-operation.bpmn': {
    rules: ['engine/xml'],
    because: 'invalid on purpose: the wrong BPMN namespace',
  },
  'bpmn-elements/service-task.bpmn': { rules: ['engine/supported'], because: JAVA },
  'bpmn-elements/signals.bpmn': { rules: ['engine/supported'], because: JAVA },
  'bpmn-elements/simple-task.bpmn': {
    rules: ['engine/valid'],
    because: 'invalid: a process without a start event',
  },
  'bpmn-elements/sub-process.bpmn': { rules: ['engine/supported'], because: JAVASCRIPT },
  'bpmn-elements/succeeding-joins.bpmn': {
    rules: ['engine/expression-language'],
    because: BPMN_ENGINE,
  },
  'bpmn-elements/task-multiple-inbound.bpmn': {
    rules: ['engine/expression-language', 'engine/supported'],
    because: JAVASCRIPT,
  },
  'bpmn-elements/task-with-multi-instance-loop.bpmn': {
    rules: ['engine/expression-language', 'engine/supported'],
    because: BPMN_ENGINE,
  },
  'bpmn-elements/throw-compensate.bpmn': {
    rules: ['engine/supported'],
    because: 'a transaction sub-process, outside the subset we run',
  },
  'bpmn-elements/timer-start-event.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'bpmn-elements/timers.bpmn': { rules: ['engine/expression-language'], because: BPMN_ENGINE },
  'bpmn-elements/transaction.bpmn': {
    rules: ['engine/supported'],
    because: 'a transaction and its cancel event, outside the subset we run',
  },
  'bpmn-elements/wait-activities.bpmn': {
    rules: [
      'engine/expression-language',
      'engine/gateway-conditions',
      'engine/message-name',
      'engine/signal-name',
      'engine/supported',
    ],
    because: JAVASCRIPT,
  },
  'miwg-reference/A.1.0.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/A.2.0.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/A.2.1.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/A.3.0.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/A.4.0.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/A.4.1.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/B.1.0.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/B.2.0.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/C.1.0.bpmn': { rules: ['engine/supported'], because: JAVA },
  'miwg-reference/C.1.1.bpmn': {
    rules: ['engine/expression-language', 'engine/supported'],
    because: 'a service task calling Java, conditions in XPath',
  },
  'miwg-reference/C.2.0.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/C.3.0.bpmn': {
    rules: ['engine/expression-language', 'engine/gateway-conditions', 'engine/valid'],
    because: 'XPath conditions, and a sub-process without a start event',
  },
  'miwg-reference/C.4.0.bpmn': {
    rules: ['engine/gateway-conditions', 'engine/message-name', 'engine/multi-instance'],
    because: 'messages without a name; gateways without conditions; a multi-instance of nothing',
  },
  'miwg-reference/C.5.0.bpmn': {
    rules: ['engine/gateway-conditions', 'engine/signal-name'],
    because: 'signals without a name; gateways without conditions',
  },
  'miwg-reference/C.6.0.bpmn': {
    rules: ['engine/message-name', 'engine/supported', 'engine/timer'],
    because: 'messages without a name, a timer with no time, a compensation start event',
  },
  'miwg-reference/C.7.0.bpmn': {
    rules: ['engine/gateway-conditions', 'engine/multi-instance', 'engine/supported'],
    because: 'business rule tasks that name no decision; gateways without conditions',
  },
  'miwg-reference/C.8.0.bpmn': { rules: ['engine/valid'], because: DRAWING },
  'miwg-reference/C.8.1.bpmn': {
    rules: ['engine/supported'],
    because: 'business rule tasks that name no decision',
  },
};

/**
 * The files that deploy, each run in memory with every user task completed as it comes (the
 * oldest first): the tasks met, the final status, where tokens still wait, and the engine's
 * warnings. Several wait for ever, as their warnings say: a parallel join that only one of its
 * branches can reach (boundary-timeout, event-based-gateway, parallel-join-edgecase), a call to a
 * process the file does not make executable (call-activity*), jobs for a worker (engine-issue-180*,
 * issue-4, service-task-io, C.9.0, C.9.1), a timer or an event not yet due (timer-event,
 * boundary-non-interupting-timer).
 */
const DEPLOYS: Record<
  string,
  {
    variables?: Record<string, JsonValue>;
    tasks: string[];
    status: string;
    waitingAt: string[];
    warns: string[];
  }
> = {
  'bpmn-elements/boundary-non-interupting-timer.bpmn': {
    tasks: ['userTask'],
    status: 'ACTIVE',
    waitingAt: ['join'],
    warns: ['engine/task-role'],
  },
  'bpmn-elements/boundary-timeout.bpmn': {
    tasks: ['userTask'],
    status: 'ACTIVE',
    waitingAt: ['join'],
    warns: ['engine/advice', 'engine/parallel-join', 'engine/task-role'],
  },
  'bpmn-elements/call-activity-signal.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['call-activity'],
    warns: ['engine/called-process'],
  },
  'bpmn-elements/call-activity.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['call-activity'],
    warns: ['engine/called-process'],
  },
  'bpmn-elements/data-store-reference.bpmn': {
    tasks: [],
    status: 'COMPLETED',
    waitingAt: [],
    warns: [],
  },
  'bpmn-elements/engine-issue-139.bpmn': {
    tasks: [],
    status: 'COMPLETED',
    waitingAt: [],
    warns: [],
  },
  'bpmn-elements/engine-issue-180-message.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['Activity_1', 'Activity_2'],
    warns: ['engine/job-type', 'engine/reachable'],
  },
  'bpmn-elements/engine-issue-180-signal.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['Activity_1', 'Activity_2'],
    warns: ['engine/job-type', 'engine/reachable'],
  },
  'bpmn-elements/engine-issue-180.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['Activity_1', 'Activity_2'],
    warns: ['engine/job-type', 'engine/reachable'],
  },
  'bpmn-elements/event-based-gateway.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['gateway'],
    warns: ['engine/parallel-join'],
  },
  'bpmn-elements/groups.bpmn': { tasks: [], status: 'COMPLETED', waitingAt: [], warns: [] },
  'bpmn-elements/issue-4.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['sendEmail_1'],
    warns: ['engine/job-type'],
  },
  'bpmn-elements/messageflow-target-process.bpmn': {
    tasks: [],
    status: 'COMPLETED',
    waitingAt: [],
    warns: [],
  },
  'bpmn-elements/parallel-join-edgecase.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['join'],
    warns: ['engine/juel', 'engine/parallel-join'],
  },
  'bpmn-elements/process-message.bpmn': {
    tasks: [],
    status: 'COMPLETED',
    waitingAt: [],
    warns: [],
  },
  'bpmn-elements/service-task-io.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['serviceTask'],
    warns: ['engine/job-type', 'engine/juel'],
  },
  'bpmn-elements/signal-after-signal.bpmn': {
    tasks: [],
    status: 'COMPLETED',
    waitingAt: [],
    warns: [],
  },
  'bpmn-elements/swimlanes.bpmn': {
    tasks: ['fillform', 'approveform'],
    status: 'COMPLETED',
    waitingAt: [],
    warns: ['engine/reachable'],
  },
  'bpmn-elements/timer-event.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['duration'],
    warns: [],
  },
  'bpmn-elements/two-executable-processes.bpmn': {
    tasks: [],
    status: 'COMPLETED',
    waitingAt: [],
    warns: [],
  },
  // Camunda 8's credit check: its message end events are sent by job workers.
  'miwg-reference/C.9.0.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['ServiceTask_GetCreditScore'],
    warns: ['engine/reachable', 'engine/task-role'],
  },
  'miwg-reference/C.9.1.bpmn': {
    tasks: [],
    status: 'ACTIVE',
    waitingAt: ['SendTask_RequestDocument'],
    warns: ['engine/async', 'engine/task-role'],
  },
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
    warns: ['engine/reachable'],
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
    const rules = [...refusedBy]
      .sort((a, b) => b[1] - a[1])
      .map(([rule, count]) => `${rule} ${count}`);
    const deploys = files.filter((file) => file in DEPLOYS).length;
    console.log(
      `BPMN corpus: ${files.length} files, ${deploys} deploy and run, ${files.length - deploys} refused (${rules.join(', ')})`,
    );
  });

  it('puts every file of the corpus in one table', () => {
    expect(files).toEqual([...Object.keys(DEPLOYS), ...Object.keys(REFUSED)].sort());
    expect(Object.keys(DEPLOYS).filter((file) => file in REFUSED)).toEqual([]);
  });

  it.each(files)('%s', async (file) => {
    const bytes = readFileSync(path.join(CORPUS, file));
    const { errors, warnings } = await validateBpmn(bytes);
    const rules = [...new Set(errors.map((problem) => problem.rule ?? '(none)'))].sort();
    for (const rule of rules) refusedBy.set(rule, (refusedBy.get(rule) ?? 0) + 1);
    for (const problem of errors) expect(problem.message.length).toBeGreaterThan(10);
    for (const problem of errors.filter((p) => p.rule === 'engine/supported'))
      expect(problem.elementId).toBeTruthy();
    if (file in REFUSED) {
      expect(rules).toEqual(REFUSED[file].rules);
      return;
    }
    expect(rules).toEqual([]);
    const { variables, warns, ...outcome } = DEPLOYS[file];
    const engineWarnings = warnings.map((w) => w.rule ?? '').filter((r) => r.startsWith('engine/'));
    expect([...new Set(engineWarnings)].sort()).toEqual(warns);
    const [model] = (await compileBpmn(decodeBpmnFile(bytes))).processes;
    const { tasks, status, waitingAt } = simulate(model, {
      variables,
      now: '2026-03-02T02:00:00.000Z',
    });
    expect({ tasks, status, waitingAt }).toEqual(outcome);
  });
});
