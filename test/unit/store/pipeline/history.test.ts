import { plan } from './planning';

const at = '2026-03-02T02:00:00.000Z';

describe('planning the history', () => {
  it('writes history after everything else, naming the tasks by the ids they were given', () => {
    const { writes } = plan([
      {
        type: 'HISTORY',
        eventType: 'ELEMENT_ACTIVATED',
        elementId: 'review',
        elementType: 'userTask',
        at,
        waitId: 3,
      },
      { type: 'CREATE_TASK', waitId: 3, elementId: 'review', candidateGroups: ['land'] },
      {
        type: 'HISTORY',
        eventType: 'SEQUENCE_FLOW_TAKEN',
        elementId: 'f1',
        elementType: 'sequenceFlow',
        at,
        actor: 'lan',
      },
    ]);
    expect(writes.map((w) => w.row)).toEqual(['task:3', 'history:1', 'history:2']);
    expect(writes[1]).toMatchObject({
      insert: {
        table: 'history_event',
        values: { eventType: 'ELEMENT_ACTIVATED', taskId: 'id-1', actor: null },
      },
    });
    expect(writes[2]).toMatchObject({
      insert: {
        values: { eventType: 'SEQUENCE_FLOW_TAKEN', taskId: null, actor: 'lan', at: new Date(at) },
      },
    });
  });
});
