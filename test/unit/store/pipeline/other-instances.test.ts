import { plan } from './planning';

describe('planning what a step asks of other instances', () => {
  it('hands them on in order, for after the step; a canceled call takes its held job with it', () => {
    const start = {
      type: 'START_CHILD' as const,
      waitId: 3,
      elementId: 'call',
      processKey: 'sub',
      variables: {},
      businessKey: 'HS-1',
    };
    const { writes, followUps } = plan([
      start,
      { type: 'CANCEL_CHILD', waitId: 8 },
      { type: 'THROW_TO_PARENT', kind: 'error', code: 'E1' },
    ]);
    expect(writes).toEqual([{ row: 'job:8', kind: 'deleteJobs', waitId: 8 }]);
    expect(followUps).toEqual([
      start,
      { type: 'CANCEL_CHILD', waitId: 8 },
      { type: 'THROW_TO_PARENT', kind: 'error', code: 'E1' },
    ]);
  });
});
