import { createHash, createHmac } from 'node:crypto';
import request from 'supertest';
import { checkConsistency } from '../../../src/store/consistency';
import { createTestApi, type TestApi } from '../../support/api';
import { snapshotDatabase } from '../../support/database';
import { flows } from '../../support/flows';
import { readProjectFile } from '../../support/models';

const SECRET = 'bi-mat-chung-voi-cong-dich-vu-cong';
const DECLARATION = 'Tờ khai đăng ký khai sinh';
const BIRTH_CERTIFICATE = 'Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)';

/** A small PDF and a PNG, as a citizen's scans would be: their first bytes say what they are. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 250, 251, 252])]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('giay chung sinh'),
]);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A birth registration as a portal sends it, with its two papers as files. */
function submission(id: string): Record<string, unknown> {
  return {
    submissionId: id,
    procedure: '1.001193',
    agencyCode: 'xa-thu-nghiem',
    applicant: {
      name: 'Phạm Thị Thu',
      idNumber: '001190054321',
      phone: '0912345678',
      email: 'thu@example.vn',
    },
    variables: { childName: 'Phạm Minh An' },
    resultDelivery: 'BY_POST',
    notifyBy: 'EMAIL',
    papers: [
      {
        name: DECLARATION,
        kind: 'ORIGINAL',
        file: {
          name: 'tờ khai.pdf',
          contentType: 'application/pdf',
          content: PDF.toString('base64'),
          sha256: sha256(PDF),
        },
      },
      {
        name: BIRTH_CERTIFICATE,
        kind: 'CERTIFIED_COPY',
        file: { contentType: 'image/png', content: PNG.toString('base64') },
      },
    ],
  };
}

/**
 * Online submissions from a public service portal, signed, become dossiers with their papers'
 * files: once, whatever the retries; a refused one changes nothing. Over real HTTP and a real
 * PostgreSQL.
 */
describe('an online submission from a portal', () => {
  let api: TestApi;
  let reception = '';
  const send = (body: unknown, secret: string | null = SECRET) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const post = request(api.server.app)
      .post('/portal/submissions')
      .set('content-type', 'application/json');
    if (secret)
      post.set('x-signature', `sha256=${createHmac('sha256', secret).update(text).digest('hex')}`);
    return post.send(text);
  };
  const dossierOf = async (code: string) =>
    (
      await api.ok<{ dossier: DossierSeen }>(
        `query ($code: String!) { dossier(code: $code) {
           code channel statusCode notifyBy
           components { name kind count digitized }
           papers { position name kind fileName contentType size sha256 downloadPath } } }`,
        { code },
        reception,
      )
    ).dossier;
  const download = (path: string, token: string | null = reception) => {
    const get = request(api.server.app).get(path).buffer(true).parse(binary);
    if (token) get.set('authorization', `Bearer ${token}`);
    return get;
  };
  const count = async (table: string) =>
    Number(
      (
        (await api.database.dataSource.query(`SELECT count(*) AS n FROM ${table}`)) as {
          n: string;
        }[]
      )[0].n,
    );

  beforeAll(async () => {
    api = await createTestApi(undefined, { portalSubmissionSecret: SECRET });
    await flows(api).deploy(readProjectFile('processes/civil-status/birth-registration.bpmn'));
    reception = await api.officer('le.tiepnhan', ['reception']);
  });
  afterAll(async () => {
    const { problems } = await checkConsistency(api.database.store);
    await api.close();
    expect(problems).toEqual([]);
  });

  it('becomes a dossier fully online, its papers digitized and downloadable byte for byte', async () => {
    const answer = await send(submission('G22.99-260302-000001'));
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ received: true, channel: 'ONLINE_FULL', statusCode: 2 });
    const code = answer.body.dossierCode as string;
    const dossier = await dossierOf(code);
    expect(dossier).toMatchObject({
      code,
      channel: 'ONLINE_FULL',
      statusCode: 2,
      notifyBy: 'EMAIL',
    });
    expect(dossier.components).toEqual([
      { name: DECLARATION, kind: 'ORIGINAL', count: 1, digitized: true },
      { name: BIRTH_CERTIFICATE, kind: 'CERTIFIED_COPY', count: 1, digitized: true },
    ]);
    expect(dossier.papers).toEqual([
      {
        position: 0,
        name: DECLARATION,
        kind: 'ORIGINAL',
        fileName: 'tờ khai.pdf',
        contentType: 'application/pdf',
        size: PDF.length,
        sha256: sha256(PDF),
        downloadPath: `/dossiers/${code}/papers/0`,
      },
      {
        position: 1,
        name: BIRTH_CERTIFICATE,
        kind: 'CERTIFIED_COPY',
        fileName: null,
        contentType: 'image/png',
        size: PNG.length,
        sha256: sha256(PNG),
        downloadPath: `/dossiers/${code}/papers/1`,
      },
    ]);
    for (const [paper, bytes] of [
      [dossier.papers[0], PDF],
      [dossier.papers[1], PNG],
    ] as const) {
      const file = await download(paper.downloadPath);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe(paper.contentType);
      expect(file.headers['content-disposition']).toMatch(/^attachment; /);
      expect(file.body).toEqual(bytes);
      expect(sha256(file.body as Buffer)).toBe(paper.sha256);
    }
    // Its receipt (Form 01) says how it came and who received it: the portal.
    const { dossier: withForm } = await api.ok<{
      dossier: { forms: { number: string; issuedBy: string; content: { channel: string } }[] };
    }>(
      `query ($code: String!) { dossier(code: $code) { forms { number issuedBy content } } }`,
      { code },
      reception,
    );
    expect(withForm.forms).toMatchObject([
      { number: '01', issuedBy: 'portal', content: { channel: 'ONLINE_FULL' } },
    ]);
  });

  it('is one dossier, its papers stored once, however often and however concurrently it is sent', async () => {
    const again = submission('G22.99-260302-000002');
    const answers = await Promise.all([send(again), send(again), send(again)]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 201]);
    const code = answers[0].body.dossierCode as string;
    expect(answers.map((answer) => answer.body.dossierCode)).toEqual([code, code, code]);
    const later = await send(again);
    expect(later.status).toBe(200);
    expect(later.body).toMatchObject({ dossierCode: code, received: false });
    const rows = (await api.database.dataSource.query(
      `SELECT count(*)::int AS papers FROM dossier_paper WHERE dossier_code = $1`,
      [code],
    )) as { papers: number }[];
    expect(rows).toEqual([{ papers: 2 }]);
    const dossiers = (await api.database.dataSource.query(
      `SELECT count(*)::int AS n FROM dossier WHERE submission_id = $1`,
      ['G22.99-260302-000002'],
    )) as { n: number }[];
    expect(dossiers).toEqual([{ n: 1 }]);
  });

  it('refuses, changing nothing, an unsigned, malformed, oversized, unknown or incomplete one', async () => {
    const before = await snapshotDatabase(api.database.dataSource);
    const papersBefore = await count('dossier_paper');
    const good = submission('G22.99-260302-000003');
    const [declaration, certificate] = good.papers as Record<string, unknown>[];
    const withFile = (file: Record<string, unknown>) => ({
      ...good,
      papers: [declaration, { ...certificate, file: { ...(certificate.file as object), ...file } }],
    });
    expect((await send(good, null)).status).toBe(401);
    expect((await send(good, 'another-secret')).status).toBe(401);
    const refusals: [unknown, number, string | undefined][] = [
      ['{"submissionId": ', 400, 'body'],
      [{ ...good, submissionId: 42 }, 400, 'submissionId'],
      [{ ...good, submissionId: '' }, 400, 'submissionId'],
      [{ ...good, procedure: '   ' }, 400, 'procedure'],
      [{ ...good, agencyCode: ['xa-thu-nghiem'] }, 400, 'agencyCode'],
      [
        { ...good, applicant: { ...(good.applicant as object), name: 'Phạm\u0000Thu' } },
        400,
        'applicant.name',
      ],
      [
        { ...good, applicant: { ...(good.applicant as object), idNumber: '12345' } },
        400,
        'applicant.idNumber',
      ],
      [{ ...good, variables: [1, 2] }, 400, 'variables'],
      [{ ...good, resultDelivery: 'BY_PIGEON' }, 400, 'resultDelivery'],
      [{ ...good, notifyBy: 'FAX' }, 400, 'notifyBy'],
      [{ ...good, papers: {} }, 400, 'papers'],
      [{ ...good, papers: [{ ...declaration, kind: 'SCAN' }] }, 400, 'papers[0].kind'],
      [withFile({ contentType: 'application/zip' }), 400, 'papers[1].file.contentType'],
      [withFile({ content: 'not base64!' }), 400, 'papers[1].file.content'],
      [withFile({ content: '' }), 400, 'papers[1].file.content'],
      [withFile({ content: PDF.toString('base64') }), 400, 'papers[1].file.content'],
      [withFile({ sha256: sha256(PDF) }), 400, 'papers[1].file.sha256'],
      [withFile({ name: 'a\u0000.png' }), 400, 'papers[1].file.name'],
      [
        withFile({
          content: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]).toString('base64'),
        }),
        413,
        'papers[1].file.content',
      ],
      [{ ...good, variables: { note: 'x'.repeat(33 * 1024 * 1024) } }, 413, undefined],
      [{ ...good, procedure: '9.999999' }, 404, 'procedure'],
      [{ ...good, agencyCode: 'xa-khong-co' }, 404, 'agencyCode'],
      [{ ...good, papers: [declaration] }, 422, 'components'],
      [
        { ...good, papers: [declaration, { ...certificate, name: 'Giấy khác' }] },
        422,
        'components',
      ],
    ];
    for (const [body, status, field] of refusals) {
      const response = await send(body);
      expect({ body: JSON.stringify(body).slice(0, 80), status: response.status }).toEqual({
        body: JSON.stringify(body).slice(0, 80),
        status,
      });
      if (field) expect(response.body.errors[0].extensions.field).toBe(field);
    }
    expect(await snapshotDatabase(api.database.dataSource)).toEqual(before);
    expect(await count('dossier_paper')).toBe(papersBefore);
  });

  it('is received by its procedure key too, partly online when the citizen brings papers to the desk', async () => {
    const answer = await send({
      ...submission('G22.99-260302-000004'),
      procedure: 'birth-registration',
      partial: true,
      papers: [
        {
          name: DECLARATION,
          kind: 'ORIGINAL',
          file: { contentType: 'application/pdf', content: PDF.toString('base64') },
        },
        { name: BIRTH_CERTIFICATE, kind: 'ORIGINAL' },
      ],
    });
    expect(answer.status).toBe(201);
    const dossier = await dossierOf(answer.body.dossierCode as string);
    expect(dossier.channel).toBe('ONLINE_PARTIAL');
    expect(dossier.components.map((component) => component.digitized)).toEqual([true, false]);
    expect(dossier.papers.map((paper) => paper.position)).toEqual([0]);
  });

  it('lets only the officers who may read the dossier download its papers', async () => {
    const code = (await send(submission('G22.99-260302-000005'))).body.dossierCode as string;
    const path = `/dossiers/${code}/papers/0`;
    expect((await download(path, null)).status).toBe(401);
    const designer = await api.officer('ngo.thietke', ['designer']);
    expect((await download(path, designer)).status).toBe(403);
    const elsewhere = await api.officer('tran.xakhac', ['reception'], 'xa-khac');
    expect((await download(path, elsewhere)).status).toBe(403);
    expect((await download(`/dossiers/${code}/papers/7`)).status).toBe(404);
    expect((await download(`/dossiers/${code}/papers/x`)).status).toBe(400);
    expect((await download(`/dossiers/KHONG-CO/papers/0`)).status).toBe(404);
  });
});

interface DossierSeen {
  code: string;
  channel: string;
  statusCode: number;
  notifyBy: string | null;
  components: { name: string; kind: string; count: number; digitized: boolean }[];
  papers: {
    position: number;
    name: string;
    kind: string;
    fileName: string | null;
    contentType: string;
    size: number;
    sha256: string;
    downloadPath: string;
  }[];
}

/** Reads a download's body as bytes, whatever its type. */
function binary(response: request.Response, done: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
