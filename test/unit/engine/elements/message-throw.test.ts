import { Run, between } from '../driver';

describe('a message end or throw event', () => {
  it('hands the message, with the variables its scope sees, to the store to send', async () => {
    const run = await Run.start(
      between(
        '<bpmn:intermediateThrowEvent id="notify"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateThrowEvent>',
        'notify',
        'notify',
      ),
      { child: 'An' },
      { rootElements: '<bpmn:message id="m" name="birth-registered" />' },
    );
    expect(run.of('SEND_MESSAGE')).toEqual([
      expect.objectContaining({
        elementId: 'notify',
        messageName: 'birth-registered',
        variables: { child: 'An' },
      }),
    ]);
    expect(run.state.status).toBe('COMPLETED');
  });
});
