import { compileBpmn } from '../../../../src/bpmn/compile';
import { bpmnProcess } from '../../../support/bpmn';
import { modelOf } from '../../../support/models';
import { Run, between } from '../driver';

const SIGNAL = { rootElements: '<bpmn:signal id="law" name="law-changed" />' };
const catching = (id: string) =>
  `<bpmn:intermediateCatchEvent id="${id}"><bpmn:signalEventDefinition signalRef="law" /></bpmn:intermediateCatchEvent>`;
const throwing = (id: string, type = 'intermediateThrowEvent') =>
  `<bpmn:${type} id="${id}"><bpmn:signalEventDefinition signalRef="law" /></bpmn:${type}>`;

describe('signal events', () => {
  it('a catch event waits by the signal name, and a broadcast moves it on', async () => {
    const run = await Run.start(between(catching('wait'), 'wait', 'wait'), {}, SIGNAL);
    expect(run.of('OPEN_SUBSCRIPTION').map((e) => e.subscription)).toEqual([
      expect.objectContaining({ kind: 'signal', signalName: 'law-changed', elementId: 'wait' }),
    ]);
    run.signal('law-changed', { decree: '118/2025' });
    expect(run.state.status).toBe('COMPLETED');
    expect(run.variables()).toEqual({ decree: '118/2025' });
    expect(run.history()).toContain('SIGNAL_CAUGHT wait');
  });

  it('a throw event hands the signal to the store with its variables, and goes on', async () => {
    const run = await Run.start(between(throwing('tell'), 'tell', 'tell'), { a: 1 }, SIGNAL);
    expect(run.of('BROADCAST_SIGNAL')).toEqual([
      {
        type: 'BROADCAST_SIGNAL',
        elementId: 'tell',
        signalName: 'law-changed',
        variables: { a: 1 },
      },
    ]);
    expect(run.state.status).toBe('COMPLETED');
  });

  it('an end event broadcasts too', async () => {
    const run = await Run.start(
      `<bpmn:startEvent id="s" />${throwing('done', 'endEvent')}<bpmn:sequenceFlow id="f" sourceRef="s" targetRef="done" />`,
      {},
      SIGNAL,
    );
    expect(run.of('BROADCAST_SIGNAL').map((e) => e.elementId)).toEqual(['done']);
  });

  it('an interrupting boundary event stops the task it is attached to', async () => {
    const run = await Run.start(
      `${between('<bpmn:userTask id="work" tthc:role="office" />', 'work', 'work')}
       <bpmn:boundaryEvent id="stop" attachedToRef="work"><bpmn:signalEventDefinition signalRef="law" /></bpmn:boundaryEvent>
       <bpmn:userTask id="redo" tthc:role="office" />
       <bpmn:sequenceFlow id="g" sourceRef="stop" targetRef="redo" />`,
      {},
      SIGNAL,
    );
    run.signal('law-changed');
    expect(run.tokens()).toEqual(['redo']);
    expect(run.of('CANCEL_TASK')).toHaveLength(1);
  });

  it('an event sub-process starts on the signal, and a non-interrupting one keeps listening', async () => {
    const run = await Run.start(
      `${between('<bpmn:userTask id="work" tthc:role="office" />', 'work', 'work')}
       <bpmn:subProcess id="notice" triggeredByEvent="true">
         <bpmn:startEvent id="heard" isInterrupting="false"><bpmn:signalEventDefinition signalRef="law" /></bpmn:startEvent>
         <bpmn:userTask id="review" tthc:role="office" />
         <bpmn:sequenceFlow id="h" sourceRef="heard" targetRef="review" />
       </bpmn:subProcess>`,
      {},
      SIGNAL,
    );
    run.signal('law-changed').signal('law-changed');
    expect(run.tokens()).toEqual(['review', 'review', 'work']);
  });

  it('a process that begins with a signal lists its signal start', async () => {
    const model = await modelOf(
      bpmnProcess(
        'p',
        `<bpmn:startEvent id="on-law"><bpmn:signalEventDefinition signalRef="law" /></bpmn:startEvent>
         <bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f" sourceRef="on-law" targetRef="e" />`,
        '',
        SIGNAL.rootElements,
      ),
    );
    expect(model.signalStarts).toEqual([{ elementId: 'on-law', signalName: 'law-changed' }]);
  });

  it('refuses a signal without a name at deploy', async () => {
    const xml = bpmnProcess(
      'p',
      between(catching('wait'), 'wait', 'wait'),
      '',
      '<bpmn:signal id="law" />',
    );
    await expect(compileBpmn(xml)).rejects.toMatchObject({
      details: {
        problems: [expect.objectContaining({ elementId: 'wait', rule: 'engine/signal-name' })],
      },
    });
  });
});
