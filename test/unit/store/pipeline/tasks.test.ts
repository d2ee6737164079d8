import { plan, NOW } from './planning';

const createTask = {
  type: 'CREATE_TASK' as const,
  waitId: 3,
  elementId: 'review',
  candidateGroups: ['land'],
};

describe('planning the effects on tasks', () => {
  it('inserts a new task, open to its roles, with a new id', () => {
    const { writes } = plan([{ ...createTask, dueAt: '2026-03-05T10:00:00.000Z' }]);
    expect(writes).toEqual([
      {
        row: 'task:3',
        kind: 'insert',
        insert: {
          table: 'task',
          values: expect.objectContaining({
            id: 'id-1',
            instanceId: 'i-1',
            waitId: 3,
            elementId: 'review',
            candidateGroups: ['land'],
            candidateUsers: [],
            agency: null,
            state: 'OPEN',
            assignee: null,
            claimedAt: null,
            dueAt: new Date('2026-03-05T10:00:00.000Z'),
            createdAt: NOW,
          }),
        },
      },
    ]);
  });

  it('gives a task drawn with an assignee straight to that officer', () => {
    const [write] = plan([{ ...createTask, assignee: 'lan' }]).writes;
    expect(write).toMatchObject({
      insert: { values: { assignee: 'lan', state: 'CLAIMED', claimedAt: NOW } },
    });
  });

  it("sends a step of a kind of agency to the agency read for it, the commune's first", () => {
    const effect = { ...createTask, agencyKind: 'police', residenceCommune: 'xa-b' };
    const [write] = plan([effect], { agencies: [['police|xa-b', 'cong-an-xa-b']] }).writes;
    expect(write).toMatchObject({ insert: { values: { agency: 'cong-an-xa-b' } } });
    const [none] = plan([effect]).writes;
    expect(none).toMatchObject({ insert: { values: { agency: null } } });
  });

  it('completes an open task with who did it and the working minutes it took', () => {
    const open = { id: 't-7', createdAt: new Date('2026-03-02T01:00:00Z'), assignee: 'lan' };
    const { writes } = plan([{ type: 'COMPLETE_TASK', waitId: 3 }], { openTasks: [[3, open]] });
    expect(writes).toEqual([
      {
        row: 'task:3',
        kind: 'closeTask',
        taskId: 't-7',
        state: 'COMPLETED',
        completedBy: 'lan',
        workingMinutes: 60,
        returning: true,
      },
    ]);
    const [byActor] = plan([{ type: 'COMPLETE_TASK', waitId: 3, actor: 'hoa' }], {
      openTasks: [[3, open]],
    }).writes;
    expect(byActor).toMatchObject({ completedBy: 'hoa' });
  });

  it('cancels a task created earlier in the same step by the id it was given', () => {
    const { writes } = plan([createTask, { type: 'CANCEL_TASK', waitId: 3 }]);
    expect(writes[1]).toEqual({
      row: 'task:3',
      kind: 'closeTask',
      taskId: 'id-1',
      state: 'CANCELED',
      returning: false,
    });
  });

  it('closes nothing where no task is open', () => {
    expect(plan([{ type: 'CANCEL_TASK', waitId: 9 }]).writes).toEqual([]);
  });

  it("moves a task's due time", () => {
    const effect = {
      type: 'SET_TASK_DEADLINE' as const,
      waitId: 3,
      dueAt: '2026-03-09T10:00:00.000Z',
      overdue: true,
    };
    expect(plan([effect]).writes).toEqual([
      {
        row: 'task:3',
        kind: 'setTaskDeadline',
        waitId: 3,
        dueAt: new Date('2026-03-09T10:00:00.000Z'),
        overdue: true,
      },
    ]);
  });
});
