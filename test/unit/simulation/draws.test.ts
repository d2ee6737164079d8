import { DossierDraws } from '../../../src/simulation/draws';

const VALUES = Array.from({ length: 100 }, (_, k) => k);

describe("a dossier's own draws", () => {
  it('gives a dossier the same work at a step whatever other dossiers drew before', () => {
    const alone = new DossierDraws(7);
    const first = [alone.work(5, 'Task_Check', VALUES), alone.work(5, 'Task_Check', VALUES)];
    const busy = new DossierDraws(7);
    for (let dossier = 1; dossier < 5; dossier++) busy.work(dossier, 'Task_Check', VALUES);
    busy.work(5, 'Task_Receive', VALUES);
    expect([busy.work(5, 'Task_Check', VALUES), busy.work(5, 'Task_Check', VALUES)]).toEqual(first);
    // Its second visit draws anew.
    const visits = new Set<number>();
    const again = new DossierDraws(7);
    for (let k = 0; k < 20; k++) visits.add(again.work(9, 'Task_Check', VALUES));
    expect(visits.size).toBeGreaterThan(10);
  });

  it('gives a dossier the same ways out of its gateways whatever others drew', () => {
    const alone = new DossierDraws(7).branchesOf(3);
    const expected = [alone.next(), alone.next()];
    const busy = new DossierDraws(7);
    busy.branchesOf(1).next();
    busy.branchesOf(2).next();
    const own = busy.branchesOf(3);
    expect([own.next(), own.next()]).toEqual(expected);
    expect(new DossierDraws(8).branchesOf(3).next()).not.toBe(expected[0]);
  });
});
