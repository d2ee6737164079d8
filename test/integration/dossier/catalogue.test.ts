import path from 'node:path';
import { deployDirectory } from '../../../src/store/deploy-directory';
import { apiSuite } from '../../support/flows';
import { PROJECT_ROOT } from '../../support/models';

/** The codes of DOMAIN.md's procedure table: the catalogue must hold every one. */
const DOMAIN_CODES = [
  '1.001193',
  '1.000656',
  '1.000894',
  '1.004873',
  '2.000635',
  '2.000815',
  '2.000884',
  '1.013978',
  '1.012786',
  '1.001776',
  '1.001731',
  '1.001699',
  '1.014027',
  '1.011606',
  '1.003622',
];

/**
 * The fees reception computes for two copies of five pages and one signature: 8,000 đồng a copy
 * of an extract; 2,000 đồng a page for the first two pages of a certified copy and 1,000 for the
 * rest; 10,000 đồng a signature. The others are free, or set by the province (assessed by hand).
 */
const FEES: Record<string, number> = { '2.000635': 16_000, '2.000815': 14_000, '2.000884': 10_000 };

const ROLE_OF_FIELD: Record<string, string> = {
  civil_status: 'civil_status',
  certification: 'civil_status',
  land: 'land',
  social_protection: 'social_affairs',
  poverty_reduction: 'social_affairs',
  culture: 'culture',
};

/** The real procedures in processes/: the public catalogue, and each one run end to end. */
/** What the procedures whose steps have forms are completed with. */
const FORM_DATA: Record<string, object> = {
  '1.013978': { mapSheet: 7, parcel: 112, area: 240, landUse: 'ONT', disputed: false },
};

describe('the procedure catalogue', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  const tokens: Record<string, string> = {};
  const procedures = async (args: string) =>
    (
      await suite.api.graphql(
        `{ procedures${args} { key code name englishName field statutoryDuration fee unverified steps components { name optional } } }`,
        {},
        null,
      )
    ).data?.procedures;

  beforeAll(async () => {
    await deployDirectory(
      suite.api.database.store,
      path.join(PROJECT_ROOT, 'processes'),
      () => clock.now,
    );
    for (const role of [
      'reception',
      'civil_status',
      'land',
      'social_affairs',
      'culture',
      'leader',
    ]) {
      tokens[role] = await suite.api.officer(`can.bo.${role.replace('_', '-')}`, [role]);
    }
  });

  it('publishes every procedure of the domain, with its papers, steps, time and fee, without signing in', async () => {
    const all = await procedures('');
    expect(all.map((p: { code: string }) => p.code)).toEqual(expect.arrayContaining(DOMAIN_CODES));
    for (const procedure of all) {
      expect(procedure.components.length).toBeGreaterThan(0);
      expect(procedure.steps).toEqual(
        expect.arrayContaining(['Tiếp nhận hồ sơ', 'Ký duyệt kết quả', 'Trả kết quả']),
      );
      expect(procedure.fee).toBeTruthy();
      expect(procedure.englishName).toBeTruthy();
    }
    const death = all.find((p: { code: string }) => p.code === '1.000656');
    expect(death).toMatchObject({
      name: 'Đăng ký khai tử',
      statutoryDuration: 'within the working day',
      unverified: ['statutoryDuration', 'fee'],
    });
    expect(all.find((p: { code: string }) => p.code === '2.000635').fee).toBe('8.000 đồng/bản sao');
  });

  it('finds procedures by field, and by name with or without diacritics, in either language', async () => {
    const codes = async (args: string) =>
      (await procedures(args)).map((p: { code: string }) => p.code);
    // The birth registration, and the joint group that begins with it.
    expect(await codes('(search: "dang ky khai sinh")')).toEqual(['1.001193', '3.000722']);
    expect(await codes('(search: "Đăng ký khai sinh")')).toEqual(['1.001193', '3.000722']);
    expect(await codes('(search: "DANG KY DAT DAI")')).toEqual(['1.013978']);
    expect(await codes('(search: "marriage")')).toEqual(['1.000894']);
    expect(await codes('(search: "2.000815")')).toEqual(['2.000815']);
    expect(await codes('(field: "land")')).toEqual(['1.012786', '1.013978']);
    expect(await codes('(field: "civil_status", search: "ho tich")')).toEqual(['2.000635']);
  });

  it('runs each procedure from reception to the returned result', async () => {
    const all = await procedures('');
    // The land reissue waits 15 days of public posting, and the joint groups cross agencies:
    // each has its own test.
    const simple = all.filter(
      (p: { key: string; field: string }) =>
        p.key !== 'land-certificate-reissue' && p.field !== 'joint',
    );
    for (const procedure of simple) {
      const { data, errors } = await suite.api.graphql(
        `mutation ($input: ReceiveDossierInput!) { receiveDossier(input: $input) { code feeAmount processInstance { id } } }`,
        {
          input: {
            procedureKey: procedure.key,
            // What a fee rule may read: two copies of a five-page paper, one signature.
            variables: { copies: 2, pages: 5, cases: 1 },
            applicant: { name: 'Lê Văn Dũng', idNumber: '001090011111', phone: '0901234567' },
            components: procedure.components
              .filter((c: { optional: boolean }) => !c.optional)
              .map((c: { name: string }) => ({ name: c.name, kind: 'ORIGINAL' })),
          },
        },
        tokens.reception,
      );
      expect([procedure.code, errors]).toEqual([procedure.code, undefined]);
      expect([procedure.code, data?.receiveDossier.feeAmount]).toEqual([
        procedure.code,
        FEES[procedure.code] ?? 0,
      ]);
      const code = data?.receiveDossier.code;
      for (const role of ['reception', ROLE_OF_FIELD[procedure.field], 'leader', 'reception']) {
        const { dossier } = await suite.api.ok(
          `query ($code: String!) { dossier(code: $code) { processInstance { openTasks { id } } } }`,
          { code },
          tokens.reception,
        );
        const [task] = dossier.processInstance.openTasks;
        expect([procedure.code, role, task]).toEqual([procedure.code, role, expect.anything()]);
        await suite.api.ok(
          `mutation ($id: ID!) { claimTask(id: $id) { id } }`,
          { id: task.id },
          tokens[role],
        );
        // The birth registration's check says whether the papers are complete; the first land
        // registration's check fills in its form (processes/land/land-site-verification.form).
        await suite.api.ok(
          `mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { id } }`,
          { id: task.id, v: { complete: true, ...FORM_DATA[procedure.code] } },
          tokens[role],
        );
      }
      const { dossier } = await suite.api.ok(
        `query ($code: String!) { dossier(code: $code) { status } }`,
        { code },
        tokens.reception,
      );
      expect([procedure.code, dossier.status]).toEqual([procedure.code, 'PROCESSED']);
    }
  });
});
