import request from 'supertest';
import { oneStepProcess } from '../../support/bpmn';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';

const APPLICANT = `kind name idNumber taxCode phone
  representative { name idNumber authorization role }`;

/** Applicants as they come: people, organisations, and those who come on their behalf. */
describe('applicants', () => {
  const suite = apiSuite({ now: new Date('2026-03-02T02:00:00Z') });
  let reception = '';
  const receive = (applicant: Record<string, unknown>) =>
    suite.api.graphql(
      `mutation ($a: ApplicantInput!) { receiveDossier(input: { procedureKey: "business-notice", applicant: $a, components: [] }) {
         code applicant { ${APPLICANT} } } }`,
      { a: applicant },
      reception,
    );
  const receipt = async (code: string) =>
    (
      await request(suite.api.server.app)
        .get(`/forms/${code}/01`)
        .set('Authorization', `Bearer ${reception}`)
    ).text.replace(/\s+/g, ' ');

  const company = {
    kind: 'ORGANIZATION',
    name: 'Công ty TNHH Xuân Hòa Xanh',
    taxCode: '0101234567',
    phone: '0243 123 4567',
    representative: { name: 'Phạm Văn Đức', idNumber: '001080004567', role: 'Giám đốc' },
  };

  beforeAll(async () => {
    reception = await suite.api.officer('le.tiepnhan', ['reception']);
    await suite.f.deploy(
      oneStepProcess(
        'business-notice',
        '<bpmn:userTask id="check" name="Kiểm tra" camunda:candidateGroups="culture" />',
      ),
    );
  });

  it('receives an organisation by its enterprise code, with the representative who came', async () => {
    const { data, errors } = await receive(company);
    expect(errors).toBeUndefined();
    expect(data?.receiveDossier.applicant).toEqual({
      kind: 'ORGANIZATION',
      name: 'Công ty TNHH Xuân Hòa Xanh',
      idNumber: null,
      taxCode: '0101234567',
      phone: '02431234567',
      representative: {
        name: 'Phạm Văn Đức',
        idNumber: '001080004567',
        authorization: null,
        role: 'Giám đốc',
      },
    });
    const page = await receipt(data?.receiveDossier.code);
    expect(page).toContain(
      'Tổ chức: <strong>Công ty TNHH Xuân Hòa Xanh</strong> — Mã số doanh nghiệp/Mã số thuế: 0101234567',
    );
    expect(page).toContain(
      'Người đại diện: <strong>Phạm Văn Đức</strong> (Giám đốc) — Số định danh cá nhân: 001080004567',
    );
  });

  it("receives a person's dossier brought by someone they authorised, with the power of attorney", async () => {
    const { data, errors } = await receive({
      name: 'Nguyễn Thị Bình',
      idNumber: '001190012345',
      representative: {
        name: 'Nguyễn Văn An',
        idNumber: '001095007890',
        authorization: 'Giấy ủy quyền số 15/2026, chứng thực ngày 25/02/2026',
        role: 'con',
      },
    });
    expect(errors).toBeUndefined();
    expect(data?.receiveDossier.applicant).toMatchObject({ kind: 'INDIVIDUAL', taxCode: null });
    const page = await receipt(data?.receiveDossier.code);
    expect(page).toContain('Ông/bà: <strong>Nguyễn Thị Bình</strong>');
    expect(page).toContain(
      'Người được ủy quyền: <strong>Nguyễn Văn An</strong> (con) — Số định danh cá nhân: 001095007890 — Giấy ủy quyền: Giấy ủy quyền số 15/2026, chứng thực ngày 25/02/2026',
    );
  });

  it('refuses an applicant who is not who they should be, naming the field, and changes nothing', async () => {
    const person = { name: 'Nguyễn Thị Bình', idNumber: '001190012345' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...company, taxCode: undefined }, 'applicant.taxCode'],
      [{ ...company, taxCode: '12345' }, 'applicant.taxCode'],
      [{ ...company, representative: undefined }, 'applicant.representative'],
      [
        { ...company, representative: { ...company.representative, idNumber: '12' } },
        'applicant.representative.idNumber',
      ],
      [{ ...person, idNumber: undefined }, 'applicant.idNumber'],
      [{ ...person, taxCode: '0101234567' }, 'applicant.taxCode'],
      [
        { ...person, representative: { name: 'Nguyễn Văn An', idNumber: '001095007890' } },
        'applicant.representative.authorization',
      ],
    ];
    const before = await snapshotDatabase(suite.api.database.dataSource);
    for (const [applicant, field] of cases) {
      const { errors } = await receive(applicant);
      expect([field, errors?.[0].extensions]).toEqual([
        field,
        expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
      ]);
    }
    expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
  });
});
