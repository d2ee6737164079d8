import { compileBpmn } from '../../../src/bpmn/compile';
import { bpmnProcess } from '../../support/bpmn';

const joinWarnings = async (elements: string) =>
  (await compileBpmn(bpmnProcess('p', elements))).warnings.filter(
    (w) => w.rule === 'engine/parallel-join',
  );

const task = (id: string) => `<bpmn:userTask id="${id}" tthc:role="office" />`;
const flow = (id: string, from: string, to: string, condition?: string) =>
  `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${condition ? `<bpmn:conditionExpression>${condition}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;

/** start → split → a | b → join → end, with the split and join of the given kinds. */
const diamond = (split: string, join: string) => `
  <bpmn:startEvent id="s" /><bpmn:${split} id="split" default="toB" />${task('a')}${task('b')}
  <bpmn:${join} id="join" /><bpmn:endEvent id="e" />
  ${flow('f0', 's', 'split')}${flow('toA', 'split', 'a', 'urgent')}${flow('toB', 'split', 'b')}
  ${flow('fa', 'a', 'join')}${flow('fb', 'b', 'join')}${flow('f9', 'join', 'e')}`;

describe('a parallel join that can never fire', () => {
  it('is reported after an exclusive split, naming the join and the split', async () => {
    expect(await joinWarnings(diamond('exclusiveGateway', 'parallelGateway'))).toEqual([
      expect.objectContaining({ elementId: 'join', message: expect.stringContaining("'split'") }),
    ]);
  });

  it('is not reported after a parallel split, nor for an exclusive join', async () => {
    expect(await joinWarnings(diamond('parallelGateway', 'parallelGateway'))).toEqual([]);
    expect(await joinWarnings(diamond('exclusiveGateway', 'exclusiveGateway'))).toEqual([]);
  });

  it('is reported when a flow straight from the split meets a path through a task', async () => {
    const elements = `
      <bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="split" default="direct" />${task('a')}
      <bpmn:parallelGateway id="join" /><bpmn:endEvent id="e" />
      ${flow('f0', 's', 'split')}${flow('toA', 'split', 'a', 'urgent')}${flow('direct', 'split', 'join')}
      ${flow('fa', 'a', 'join')}${flow('f9', 'join', 'e')}`;
    expect(await joinWarnings(elements)).toHaveLength(1);
  });

  it('is reported when an activity and its interrupting boundary event meet at the join', async () => {
    const elements = `
      <bpmn:startEvent id="s" />${task('a')}
      <bpmn:boundaryEvent id="late" attachedToRef="a"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
      <bpmn:parallelGateway id="join" /><bpmn:endEvent id="e" />
      ${flow('f0', 's', 'a')}${flow('fa', 'a', 'join')}${flow('fl', 'late', 'join')}${flow('f9', 'join', 'e')}`;
    expect(await joinWarnings(elements)).toHaveLength(1);
    const nonInterrupting = elements.replace(
      'attachedToRef="a"',
      'attachedToRef="a" cancelActivity="false"',
    );
    expect(await joinWarnings(nonInterrupting)).toEqual([]);
  });
});
