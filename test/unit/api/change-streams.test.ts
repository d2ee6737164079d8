import { ChangeStreams } from '../../../src/api/change-feed';

describe('ChangeStreams', () => {
  it('gives each subscriber the changes of its channel, and a slow one only the newest 256', async () => {
    const streams = new ChangeStreams();
    const tasks = streams.subscribe('task_changed')[Symbol.asyncIterator]();
    const dossiers = streams.subscribe('dossier_changed')[Symbol.asyncIterator]();
    // A repeater starts listening at its first read.
    const first = tasks.next();
    streams.publish('task_changed', 'task-0');
    expect(await first).toEqual({ done: false, value: 'task-0' });
    const firstDossier = dossiers.next();
    for (let n = 1; n <= 1000; n++) streams.publish('task_changed', `task-${n}`);
    streams.publish('dossier_changed', 'HS-1');
    expect(await firstDossier).toEqual({ done: false, value: 'HS-1' });
    expect(await tasks.next()).toEqual({ done: false, value: 'task-745' });
    expect(streams.size).toBe(2);
    await tasks.return?.();
    await dossiers.return?.();
    expect(streams.size).toBe(0);
  });
});
