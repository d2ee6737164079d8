import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as Elements from 'bpmn-elements';
import { Engine } from 'bpmn-engine';
import { BpmnModdle } from 'bpmn-moddle';
import serialize, { TypeResolver, type SerializableContext } from 'moddle-context-serializer';
import { PROJECT_ROOT } from '../src/config';
import { measure, type Measurement } from './measure';

/** bpmn-engine's copy of the benchmark process: its own expression syntax for the condition. */
const SOURCE = readFileSync(
  path.join(PROJECT_ROOT, 'bench/fixtures/five-tasks.bpmn-engine.bpmn'),
  'utf8',
);

/**
 * The file parsed and serialized once, as bpmn-engine advises for running a definition many
 * times (`sourceContext`): each instance then skips XML parsing entirely.
 */
async function sourceContextOnce(): Promise<SerializableContext> {
  const moddleContext = await new BpmnModdle().fromXML(SOURCE);
  return serialize(moddleContext as never, TypeResolver(Elements));
}

/** One instance to its end: every user task is signalled as soon as it waits. */
async function runToEnd(sourceContext: SerializableContext): Promise<void> {
  const engine = new Engine({ sourceContext, variables: { missing: false } } as never);
  const ended = new Promise<void>((resolve, reject) => {
    engine.once('end', () => resolve());
    engine.once('error', reject);
  });
  const listener = new EventEmitter();
  listener.on('wait', (api: { signal: () => void }) => api.signal());
  await engine.execute({ listener } as never);
  await ended;
}

/** The same five-task process, `instances` times through bpmn-engine, one after the other. */
export async function benchBpmnEngine(instances: number): Promise<Measurement> {
  const sourceContext = await sourceContextOnce();
  for (let i = 0; i < Math.min(20, instances); i++) await runToEnd(sourceContext); // warm-up
  return measure(instances, async () => {
    for (let i = 0; i < instances; i++) await runToEnd(sourceContext);
  });
}
