import { describeWithChromium, screenshot } from '../support/chromium';
import { workNextTask } from '../support/dossiers';
import { readProjectFile } from '../support/models';
import { seedOfficer } from '../support/officers';
import { PAGE_PASSWORD, pagesSuite } from '../support/pages';

const RECEIVE = `mutation ($key: String!, $papers: [ComponentInput!]!) {
  receiveDossier(input: { procedureKey: $key, applicant: { name: "Phan Văn Tài", idNumber: "001080033333" },
    components: $papers }) { code processInstance { id } } }`;

/** Steps with a form-js form, and steps handed on to another agency, from the inbox page. */
describeWithChromium('the inbox: task forms and handing on', () => {
  const clock = { now: new Date('2026-03-02T01:00:00Z') };
  const pages = pagesSuite(clock);
  const { suite } = pages;
  const tokens: Record<string, string> = {};
  const signIn = (username: string) => pages.signIn('/inbox', username, '#tasks:not([hidden])');

  beforeAll(async () => {
    const officers: [string, string, string][] = [
      ['le.tiepnhan', 'reception', 'xa-xuan-hoa'],
      ['hoang.diachinh', 'land', 'xa-xuan-hoa'],
      ['tran.hotich', 'civil_status', 'xa-xuan-hoa'],
      ['dang.hotich', 'civil_status', 'xa-ben-canh'],
    ];
    for (const [username, role, agencyCode] of officers) {
      tokens[username] = await seedOfficer(suite.api.database.dataSource, {
        username,
        roles: [role],
        agencyCode,
        password: PAGE_PASSWORD,
        now: clock.now,
      });
    }
    await suite.api.ok(`mutation ($s: String!) { deployForm(schema: $s) { changed } }`, {
      s: readProjectFile('processes/land/land-site-verification.form'),
    });
    await suite.f.deploy(readProjectFile('processes/land/first-land-registration.bpmn'));
    await suite.f.deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
  });

  /** A dossier of the procedure received and its reception step done: the next step waits. */
  const dossierAtSecondStep = async (key: string) => {
    const { procedures } = await suite.api.ok(
      `query ($key: String!) { procedures(search: $key) { key components { name optional } } }`,
      { key: '' },
    );
    const papers = procedures
      .find((p: { key: string }) => p.key === key)
      .components.filter((c: { optional: boolean }) => !c.optional)
      .map((c: { name: string }) => ({ name: c.name, kind: 'ORIGINAL' }));
    const { receiveDossier } = await suite.api.ok(RECEIVE, { key, papers }, tokens['le.tiepnhan']);
    await workNextTask(suite.api, receiveDossier.code, tokens['le.tiepnhan']);
    return receiveDossier as { code: string; processInstance: { id: string } };
  };

  it('completes a step with its form-js form: checked in the page, shown fields follow the answers', async () => {
    const dossier = await dossierAtSecondStep('first-land-registration');
    const page = await signIn('hoang.diachinh');
    const row = page.locator('tr[data-task=Task_Check]', { hasText: dossier.code });
    await row.locator('button', { hasText: 'Nhận xử lý' }).click();
    await row.locator('button', { hasText: 'Điền biểu mẫu' }).click();
    const form = page.locator('#task-form');
    await form.getByLabel('Tờ bản đồ số').waitFor();
    expect(await form.locator('h3').innerText()).toContain(dossier.code);
    // Nothing filled in: form-js marks what is required, and nothing is sent.
    await form.locator('button.submit').click();
    await form.locator('.fjs-form-field-error').first().waitFor();
    expect(await row.count()).toBe(1);
    await screenshot(page, 'task-form-required');

    await form.getByLabel('Tờ bản đồ số').fill('12');
    await form.getByLabel('Thửa đất số').fill('345');
    await form.getByLabel('Diện tích (m²)').fill('152.5');
    await form.locator('.fjs-form-field-select .fjs-select-display').click();
    await page.locator('.fjs-dropdownlist-item', { hasText: 'Đất ở tại nông thôn' }).click();
    expect(await form.getByLabel('Nội dung tranh chấp').count()).toBe(0);
    await form.getByLabel('Đất đang có tranh chấp').check();
    await form.getByLabel('Nội dung tranh chấp').fill('Hộ liền kề tranh chấp ranh giới phía Đông');
    await screenshot(page, 'task-form-filled');
    await form.locator('button.submit').click();
    await row.waitFor({ state: 'detached' });
    expect(await form.isHidden()).toBe(true);

    const { processInstance } = await suite.api.ok(
      `query ($id: ID!) { processInstance(id: $id) { variables openTasks { elementId } } }`,
      { id: dossier.processInstance.id },
      tokens['hoang.diachinh'],
    );
    expect(processInstance.variables).toMatchObject({
      mapSheet: 12,
      parcel: 345,
      area: 152.5,
      landUse: 'ONT',
      disputed: true,
      disputeNote: 'Hộ liền kề tranh chấp ranh giới phía Đông',
    });
    expect(processInstance.openTasks).toEqual([{ elementId: 'Task_Sign' }]);
    await page.close();
  });

  it('hands a step on to another agency, whose officer finds it, and the control sheet says why', async () => {
    const dossier = await dossierAtSecondStep('birth-registration');
    const civil = await signIn('tran.hotich');
    const row = civil.locator('tr[data-task=Task_Check]', { hasText: dossier.code });
    await row.locator('button', { hasText: 'Nhận xử lý' }).click();
    await row
      .locator('form.hand-on select option[value=xa-ben-canh]')
      .waitFor({ state: 'attached' });
    await row.locator('form.hand-on select').selectOption('xa-ben-canh');
    await row.locator('form.hand-on input[name=reason]').fill('Cha mẹ cư trú tại xã Bến Cảnh');
    await row.locator('form.hand-on button').click();
    await row.waitFor({ state: 'detached' });

    const nextDoor = await signIn('dang.hotich');
    const there = nextDoor.locator('tr[data-task=Task_Check]', { hasText: dossier.code });
    await there.waitFor();
    await there.locator('button', { hasText: 'Xem hồ sơ' }).click();
    const sheet = nextDoor.locator('#dossier table.sheet');
    await sheet.locator('td', { hasText: 'Cha mẹ cư trú tại xã Bến Cảnh' }).waitFor();
    expect(await sheet.locator('tr', { hasText: 'xa-ben-canh' }).count()).toBe(1);
    await screenshot(nextDoor, 'inbox-handed-on');
    await civil.close();
    await nextDoor.close();
  });
});
