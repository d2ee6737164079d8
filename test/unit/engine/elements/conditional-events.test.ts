import { Run, between } from '../driver';

const condition = (feel: string) =>
  `<bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">${feel}</bpmn:condition></bpmn:conditionalEventDefinition>`;

/** A task `a` beside a path that waits at `waiting`, both after a parallel split. */
const beside = (waiting: string, waitingId: string) => `
  <bpmn:startEvent id="s" />
  <bpmn:parallelGateway id="split" />
  <bpmn:userTask id="a" tthc:role="office" />
  ${waiting}
  <bpmn:userTask id="after" tthc:role="office" />
  <bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="split" />
  <bpmn:sequenceFlow id="f1" sourceRef="split" targetRef="a" />
  <bpmn:sequenceFlow id="f2" sourceRef="split" targetRef="${waitingId}" />
  <bpmn:sequenceFlow id="f3" sourceRef="${waitingId}" targetRef="after" />`;

describe('conditional events', () => {
  it('an intermediate catch waits until its condition holds after variables change', async () => {
    const run = await Run.start(
      beside(
        `<bpmn:intermediateCatchEvent id="ready">${condition('paid = true')}</bpmn:intermediateCatchEvent>`,
        'ready',
      ),
    );
    expect(run.tokens()).toEqual(['a', 'ready']);
    run.complete('a', { paid: true });
    expect(run.tokens()).toEqual(['after']);
    expect(run.history()).toContain('CONDITION_MET ready');
  });

  it('passes at once when the condition already holds', async () => {
    const run = await Run.start(
      beside(
        `<bpmn:intermediateCatchEvent id="ready">${condition('paid')}</bpmn:intermediateCatchEvent>`,
        'ready',
      ),
      { paid: true },
    );
    expect(run.tokens()).toEqual(['a', 'after']);
  });

  it('a non-interrupting boundary event fires each time its condition becomes true', async () => {
    const steps = ['b1', 'b2', 'b3', 'b4'];
    const inner = steps.map((id) => `<bpmn:userTask id="${id}" tthc:role="office" />`).join('');
    const flows = steps
      .slice(1)
      .map((id, i) => `<bpmn:sequenceFlow id="w${i}" sourceRef="${steps[i]}" targetRef="${id}" />`)
      .join('');
    const run = await Run.start(
      `${between(`<bpmn:subProcess id="work">${between(`${inner}${flows}`, 'b1', 'b4', 'in_')}</bpmn:subProcess>`, 'work', 'work')}
       <bpmn:boundaryEvent id="urgent" attachedToRef="work" cancelActivity="false">${condition('priority > 5')}</bpmn:boundaryEvent>
       <bpmn:userTask id="alert" tthc:role="leader" />
       <bpmn:sequenceFlow id="g" sourceRef="urgent" targetRef="alert" />`,
      { priority: 1 },
    );
    expect(run.tokens()).toEqual(['b1', 'work']);
    run.complete('b1', { priority: 9 });
    expect(run.tokens()).toEqual(['alert', 'b2', 'work']);
    run.complete('b2', { priority: 8 }); // still true: no new alert
    expect(run.tokens()).toEqual(['alert', 'b3', 'work']);
    run.complete('b3', { priority: 2 }).complete('alert');
    expect(run.tokens()).toEqual(['b4', 'work']);
    run.complete('b4', { priority: 7 });
    expect(run.tokens()).toEqual(['alert']); // it fired as the sub-process ended
  });

  it('an interrupting event sub-process starts when the condition comes true', async () => {
    const run = await Run.start(
      `${beside('<bpmn:userTask id="wait" tthc:role="office" />', 'wait')}
       <bpmn:subProcess id="cancelled" triggeredByEvent="true">
         <bpmn:startEvent id="withdrawn">${condition('withdrawn = true')}</bpmn:startEvent>
         <bpmn:endEvent id="closed" />
         <bpmn:sequenceFlow id="h" sourceRef="withdrawn" targetRef="closed" />
       </bpmn:subProcess>`,
      { withdrawn: false },
    );
    run.complete('a', { withdrawn: true });
    expect(run.state.status).toBe('COMPLETED');
    expect(run.of('CANCEL_TASK')).toHaveLength(1);
  });

  it('treats a missing variable as not yet', async () => {
    const run = await Run.start(
      beside(
        `<bpmn:intermediateCatchEvent id="ready">${condition('result = "ok"')}</bpmn:intermediateCatchEvent>`,
        'ready',
      ),
    );
    run.complete('a', { other: 1 });
    expect(run.tokens()).toEqual(['ready']);
  });
});
