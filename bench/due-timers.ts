import { Store } from '../src/store/store';
import type { DataSource } from 'typeorm';
import { fireDueTimers } from '../src/jobs/timers';
import { deployBpmn } from '../src/store/deploy';
import { startInstance } from '../src/commands/start-process';
import { measure, type Measurement } from './measure';

const WAIT_THEN_FILE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="bench-timers" targetNamespace="http://tthc-engine.vn/bench">
  <bpmn:process id="wait-then-file" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1M</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="file" camunda:candidateGroups="office" />
    <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="wait" />
    <bpmn:sequenceFlow id="b" sourceRef="wait" targetRef="file" />
  </bpmn:process>
</bpmn:definitions>`;

/**
 * The job runner's pace: `count` due timers (each waiting instance set up beforehand), fired by
 * `runners` rounds side by side as separate runners would, each firing one transaction with its
 * step. Counts timers fired.
 */
export async function benchDueTimers(
  dataSource: DataSource,
  count: number,
  runners: number,
): Promise<Measurement> {
  await deployBpmn(Store.of(dataSource), WAIT_THEN_FILE, { now: new Date() });
  const startedAt = new Date(Date.now() - 3_600_000);
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, () =>
        startInstance(Store.of(dataSource), {
          key: 'wait-then-file',
          variables: {},
          now: startedAt,
        }),
      ),
    );
  }
  let fired = 0;
  const result = await measure(count, async () => {
    const rounds = Array.from({ length: runners }, (_, index) =>
      fireDueTimers(Store.of(dataSource), new Date(), { holder: `bench-${index}`, batch: 20 }),
    );
    fired = (await Promise.all(rounds)).reduce((sum, n) => sum + n, 0);
  });
  if (fired !== count) throw new Error(`fired ${fired} timers of ${count}`);
  return result;
}
