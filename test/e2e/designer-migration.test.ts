import { describeWithChromium, screenshot } from '../support/chromium';
import { readProjectFile } from '../support/models';
import { pagesSuite } from '../support/pages';

/** A designer moves the running dossiers of version 1 to version 2 from the designer page. */
describeWithChromium('moving running dossiers to a new version from the designer', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;
  const ids: string[] = [];

  beforeAll(async () => {
    await pages.seedOfficers([['thiet.ke', 'designer']]);
    const v1 = readProjectFile('processes/civil-status/birth-registration.bpmn');
    await suite.f.deploy(v1);
    for (const n of [1, 2, 3]) ids.push(await suite.f.start('birth-registration', `MIG-${n}`));
    // One has gone on to the check, which version 2 renames.
    await suite.f.complete(ids[2], 'Task_Receive');
    await suite.f.deploy(v1.replaceAll('Task_Check', 'Task_Verify'));
  });

  it('shows the dry run with the dossier that cannot move, then moves all with the mapping', async () => {
    const page = await pages.signIn(
      '/designer',
      'thiet.ke',
      'button[data-key=birth-registration]',
      {
        width: 1400,
        height: 1100,
      },
    );
    await page.click('button[data-key=birth-registration]');
    await page.locator('.djs-element[data-element-id=Task_Verify]').waitFor();
    expect(await page.locator('#migrate-from option').allInnerTexts()).toEqual(['v1']);
    // The move needs a dry run of the plan first.
    expect(await page.locator('#migrate-run').isDisabled()).toBe(true);
    await page.click('#migrate-preview');
    await page.locator('#migrate-summary').waitFor();
    expect(await page.locator('#migrate-summary').innerText()).toBe(
      'Hồ sơ đang xử lý: 3 — 2 chuyển được, 1 không chuyển được',
    );
    expect(await page.locator('#migrate-result li.error').allInnerTexts()).toEqual([
      'MIG-3: Task_Check — đang ở bước đã bị bỏ, chưa chỉ định bước thay thế',
    ]);
    expect(await page.locator('#migrate-run').isEnabled()).toBe(true);
    // A mapping line it cannot read is refused, naming it, before anything is asked of the API.
    const sent: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (/migrationPreview|migrateInstances/.test(body)) sent.push(body);
    });
    const refusedLine = async (mapping: string) => {
      await page.fill('#migrate-mapping', mapping);
      await page.click('#migrate-preview');
      await page.locator('#error').waitFor();
      return page.locator('#error').innerText();
    };
    const how = 'cần viết mã cũ=mã mới, đúng một dấu = và có mã ở cả hai bên';
    expect(await refusedLine('Task_Check Task_Verify')).toBe(
      `Dòng 1 (Task_Check Task_Verify): ${how}`,
    );
    expect(await refusedLine('Task_Check = Task_Verify\n\nTask_Sign=Task_Verify=Task_Check')).toBe(
      `Dòng 3 (Task_Sign=Task_Verify=Task_Check): ${how}`,
    );
    expect(await refusedLine('Task_Check =  ')).toBe(`Dòng 1 (Task_Check =): ${how}`);
    expect(sent).toEqual([]);
    expect(await page.locator('#migrate-run').isDisabled()).toBe(true);
    // A changed plan needs its own dry run.
    await page.fill('#migrate-mapping', 'Task_Check = Task_Verify');
    expect(await page.locator('#migrate-run').isDisabled()).toBe(true);
    await page.click('#migrate-preview');
    await page
      .locator('#migrate-summary', { hasText: '3 chuyển được, 0 không chuyển được' })
      .waitFor();
    expect(await page.locator('#migrate-result li[data-element=Task_Check]').innerText()).toBe(
      'Task_Check → Task_Verify: 1 hồ sơ',
    );
    await screenshot(page, 'designer-migration-preview');
    await page.fill('#migrate-reason', 'Đổi tên bước thẩm định');
    await page.locator('#migrate-run:enabled').waitFor();
    // The move is confirmed first; declined, nothing moves.
    const question = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.message());
        void dialog.dismiss();
      }),
    );
    const moved = page
      .waitForRequest((request) => /migrateInstances/.test(request.postData() ?? ''), {
        timeout: 2000,
      })
      .then(
        () => true,
        () => false,
      );
    await page.click('#migrate-run');
    expect(await question).toBe('Chuyển 3 hồ sơ → v2?');
    // Nothing is asked of the API, and every dossier is still on version 1.
    expect(await moved).toBe(false);
    const versionsOf = async () =>
      (
        await suite.api.database.dataSource.query(
          `SELECT d.version FROM process_instance i
             JOIN process_definition d ON d.id = i.definition_id WHERE i.id = ANY($1)`,
          [ids],
        )
      ).map((row: { version: number }) => row.version);
    expect(await versionsOf()).toEqual([1, 1, 1]);
    expect(await page.locator('#migrate-summary').innerText()).toContain('3 chuyển được');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('#migrate-run');
    await page.locator('#migrate-summary', { hasText: 'Đã chuyển' }).waitFor();
    expect(await page.locator('#migrate-summary').innerText()).toBe(
      'Đã chuyển: 3 hồ sơ, 0 bỏ qua, 0 không chuyển được',
    );
    // Moved, it needs a new dry run to move again.
    expect(await page.locator('#migrate-run').isDisabled()).toBe(true);
    expect(await versionsOf()).toEqual([2, 2, 2]);
    expect(await suite.f.waitingAt(ids[2])).toEqual(['Task_Verify']);
    await page.close();
  });
});
