import { readFileSync } from 'node:fs';
import { officeCalendar } from '../../src/store/calendars';
import { describeWithChromium, screenshot } from '../support/chromium';
import { livePast } from '../support/office-replay';
import { seedOfficer } from '../support/officers';
import { PAGE_PASSWORD, pagesSuite } from '../support/pages';
import { REVIEW_FIXTURE } from '../support/what-if';

/** A designer runs the forecast beside the diagram: steps coloured by their predicted queue. */
describeWithChromium('the designer forecast', () => {
  // Monday 30 March 2026, 09:00 in Hanoi, after four weeks of work with a single checker.
  const clock = { now: new Date('2026-03-30T02:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;
  const officers = { reception: ['r1'], civil_status: ['c1'], leader: ['l1'] };

  beforeAll(async () => {
    const people: [string, string][] = [
      ['thiet.ke', 'designer'],
      ...Object.entries(officers).map(([role, [name]]): [string, string] => [name, role]),
    ];
    for (const [username, role] of people) {
      await seedOfficer(suite.api.database.dataSource, {
        username,
        roles: [role],
        agencyCode: 'xa-a',
        password: PAGE_PASSWORD,
        now: new Date('2026-01-01T00:00:00Z'),
      });
    }
    await suite.f.deploy(readFileSync(REVIEW_FIXTURE, 'utf8'));
    const { store } = suite.api.database;
    await livePast(store, (await officeCalendar(store)).forAgency('xa-a'), {
      procedureKey: 'what-if-review',
      agency: { code: 'xa-a', name: 'UBND xã A', dossierPrefix: null },
      officers,
      // More than one checker can do: the check's queue grows, the others' stay short.
      perDay: [12, 11, 11, 10, 10],
      workMinutes: {
        Task_Receive: [5, 10],
        Task_Check: [30, 70],
        Task_Sign: [3, 6],
        Task_ReturnResult: [3, 6],
      },
      variables: (elementId): Record<string, boolean> =>
        elementId === 'Task_Check' ? { complete: true } : {},
      firstDay: '2026-03-02',
      weeks: 4,
      seed: 3,
    });
  }, 300_000);

  it('colours the check, where the queue grows, and lists every step', async () => {
    const page = await pages.signIn('/designer', 'thiet.ke', 'button[data-key=what-if-review]', {
      width: 1400,
      height: 1000,
    });
    await page.click('button[data-key=what-if-review]');
    await page.locator('.djs-element[data-element-id=Task_Check]').waitFor();
    await page.fill('#forecast-weeks', '4');
    await page.click('#forecast-run');
    await page.locator('.djs-element[data-element-id=Task_Check].forecast-high').waitFor();
    for (const calm of ['Task_Receive', 'Task_Sign', 'Task_ReturnResult']) {
      await page.locator(`.djs-element[data-element-id=${calm}].forecast-low`).waitFor();
    }
    expect(await page.locator('#forecast-summary').innerText()).toMatch(
      /hồ sơ dự kiến, \d+% đúng hạn/,
    );
    expect(await page.locator('#forecast-steps tr[data-element]').count()).toBe(4);
    expect(
      await page.locator('#forecast-steps tr[data-element=Task_Check] td').first().innerText(),
    ).toBe('Thẩm định hồ sơ');
    await screenshot(page, 'designer-forecast');
    await page.close();
  });
});
