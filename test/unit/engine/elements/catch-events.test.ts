import { Run, between } from '../driver';

describe('a catch event', () => {
  it('waits for its message, then passes on with the variables it brings', async () => {
    const run = await Run.start(
      between(
        `<bpmn:intermediateCatchEvent id="answer"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>`,
        'answer',
        'answer',
      ),
      {},
      { rootElements: '<bpmn:message id="m" name="police-answer" />' },
    );
    expect(run.tokens()).toEqual(['answer']);
    run.correlate('police-answer', { registered: true });
    expect(run.variables()).toEqual({ registered: true });
    expect(run.state.status).toBe('COMPLETED');
  });

  it('waits for its time, then passes on', async () => {
    const run = await Run.start(
      between(
        `<bpmn:intermediateCatchEvent id="wait">
           <bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition>
         </bpmn:intermediateCatchEvent>`,
        'wait',
        'wait',
      ),
    );
    expect(run.of('SCHEDULE_TIMER').map((e) => e.timer.dueAt)).toEqual([
      '2026-03-02T04:00:00.000Z',
    ]);
    run.fire('wait');
    expect(run.state.status).toBe('COMPLETED');
  });

  it('as an interrupting boundary timer, withdraws the task it is attached to', async () => {
    const run = await Run.start(
      `${between('<bpmn:userTask id="check" tthc:role="office" />', 'check', 'check')}
       <bpmn:boundaryEvent id="late" attachedToRef="check">
         <bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
       </bpmn:boundaryEvent>
       <bpmn:userTask id="escalate" tthc:role="office" />
       <bpmn:sequenceFlow id="f" sourceRef="late" targetRef="escalate" />`,
    );
    run.fire('late');
    expect(run.tokens()).toEqual(['escalate']);
    expect(run.of('CANCEL_TASK')).toHaveLength(1);
  });
});
