import { workTask } from '../../support/dossiers';
import { apiSuite } from '../../support/flows';
import { readProjectFile } from '../../support/models';

/**
 * Joint group 2: death registration, then only the follow-up procedures the citizen chose, each
 * at its own agency: the police, the funeral allowance's payer (by the deceased's category),
 * social insurance. The agencies are those serving the commune where the deceased lived, which
 * need not be the commune that received the dossier.
 */
describe('joint group 2: death, residence deletion, funeral allowance, survivorship', () => {
  const clock = { now: new Date('2026-03-02T02:00:00Z') };
  const suite = apiSuite(clock);
  /** Officers by `agency/role`. */
  const tokens: Record<string, string> = {};
  const RECEIVING = 'xa-xuan-hoa';
  const RESIDENCE = 'xa-dong-son';
  const reception = () => tokens[`${RECEIVING}/reception`];

  beforeAll(async () => {
    for (const agency of [
      `code: "${RECEIVING}", name: "UBND xã Xuân Hòa", kind: "commune"`,
      `code: "${RESIDENCE}", name: "UBND xã Đông Sơn", kind: "commune"`,
      `code: "ca-xa-xuan-hoa", name: "Công an xã Xuân Hòa", kind: "police", serves: ["${RECEIVING}"]`,
      `code: "ca-xa-dong-son", name: "Công an xã Đông Sơn", kind: "police", serves: ["${RESIDENCE}"]`,
      `code: "so-noi-vu", name: "Sở Nội vụ", kind: "department", serves: ["${RECEIVING}", "${RESIDENCE}"]`,
      `code: "bhxh-khu-vuc-1", name: "BHXH khu vực I", kind: "social_insurance", serves: ["${RECEIVING}"]`,
      `code: "bhxh-khu-vuc-2", name: "BHXH khu vực II", kind: "social_insurance", serves: ["${RESIDENCE}"]`,
    ]) {
      await suite.api.ok(`mutation { createAgency(${agency}) { code } }`);
    }
    const officers: [agency: string, role: string][] = [
      [RECEIVING, 'reception'],
      [RECEIVING, 'civil_status'],
      [RECEIVING, 'leader'],
      [RECEIVING, 'social_affairs'],
      [RESIDENCE, 'social_affairs'],
      ['ca-xa-xuan-hoa', 'police'],
      ['ca-xa-dong-son', 'police'],
      ['so-noi-vu', 'social_affairs'],
      ['bhxh-khu-vuc-1', 'social_insurance'],
      ['bhxh-khu-vuc-2', 'social_insurance'],
    ];
    for (const [agency, role] of officers) {
      tokens[`${agency}/${role}`] = await suite.api.officer(`${role}.${agency}`, [role], agency);
    }
    const deployed = await suite.f.deploy(
      readProjectFile('processes/joint/death-residence-allowance.bpmn'),
    );
    // The only warning: the group's time is not verified (tthc:statutoryDuration="none").
    expect(deployed.warnings).toEqual([
      { message: expect.stringContaining('tthc:statutoryDuration="none"') },
    ]);
  });

  const PAPERS = `[
    { name: "Tờ khai đăng ký khai tử", kind: ORIGINAL },
    { name: "Giấy báo tử", kind: ORIGINAL },
    { name: "Tờ khai đề nghị hưởng chế độ tử tuất, mai táng phí", kind: ORIGINAL }
  ]`;
  const receive = (variables: object) =>
    suite.api.graphql<{ receiveDossier: { code: string } }>(
      `mutation ($v: JSON) { receiveDossier(input: {
         procedureKey: "joint-death-residence-allowance",
         applicant: { name: "Lê Văn Tâm", idNumber: "001070002222", phone: "0905111222" },
         components: ${PAPERS}, variables: $v }) { code } }`,
      { v: variables },
      reception(),
    );
  const received = async (variables: object) => {
    const { data, errors } = await receive(variables);
    expect(errors).toBeUndefined();
    return data!.receiveDossier.code;
  };
  const dossier = async (code: string) =>
    (
      await suite.api.ok<{
        dossier: {
          status: string;
          processInstance: {
            openTasks: {
              id: string;
              elementId: string;
              agency: string | null;
              candidateGroups: string[];
            }[];
          };
        };
      }>(
        `query ($code: String!) { dossier(code: $code) { status
           processInstance { openTasks { id elementId agency candidateGroups } } } }`,
        { code },
        reception(),
      )
    ).dossier;
  const open = async (code: string) =>
    (await dossier(code)).processInstance.openTasks.map((t) => [t.elementId, t.agency]);
  /** Claims and completes every open task, each by an officer of its agency and role. */
  const workOpenTasks = async (code: string) => {
    const done: [string, string][] = [];
    for (const task of (await dossier(code)).processInstance.openTasks) {
      const agency = task.agency ?? RECEIVING;
      const token = tokens[`${agency}/${task.candidateGroups[0]}`];
      expect([task.elementId, agency, token]).toEqual([task.elementId, agency, expect.any(String)]);
      for (const mutation of ['claimTask', 'completeTask']) {
        const { errors } = await suite.api.graphql(
          `mutation ($id: ID!) { ${mutation}(id: $id) { id } }`,
          { id: task.id },
          token,
        );
        expect([task.elementId, mutation, errors]).toEqual([task.elementId, mutation, undefined]);
      }
      done.push([task.elementId, agency]);
    }
    return done;
  };
  /** Works the dossier to its end; the steps done, by the agency that did them. */
  const runToEnd = async (code: string) => {
    const done: [string, string][] = [];
    for (let round = 0; round < 10; round++) {
      const worked = await workOpenTasks(code);
      if (worked.length === 0) break;
      done.push(...worked);
    }
    expect([code, (await dossier(code)).status]).toEqual([code, 'PROCESSED']);
    return done;
  };
  const throughSign = async (code: string) => {
    for (const [elementId, role] of [
      ['Task_Receive', 'reception'],
      ['Task_RegisterDeath', 'civil_status'],
      ['Task_Sign', 'leader'],
    ]) {
      await workTask(suite.api, {
        code,
        elementId,
        token: tokens[`${RECEIVING}/${role}`],
        reader: reception(),
      });
    }
  };

  it('sends the dossier to the agencies of the procedures chosen, and waits for them all', async () => {
    const code = await received({
      wantsResidenceDeletion: false,
      wantsFuneralAllowance: true,
      wantsSurvivorship: false,
      deceasedCategory: 'merit',
    });
    await throughSign(code);
    // Only the funeral allowance of a person with merit: the department alone gets the dossier.
    expect(await open(code)).toEqual([['Task_MeritFuneral', 'so-noi-vu']]);
    expect(await runToEnd(code)).toEqual([
      ['Task_MeritFuneral', 'so-noi-vu'],
      ['Task_ReturnResult', RECEIVING],
    ]);
  });

  it('sends the police and social insurance steps to the agencies serving the commune of residence', async () => {
    const everything = {
      wantsResidenceDeletion: true,
      wantsFuneralAllowance: true,
      wantsSurvivorship: true,
      deceasedCategory: 'insured',
    };
    const elsewhere = await received({ ...everything, residenceCommune: RESIDENCE });
    await throughSign(elsewhere);
    expect(await open(elsewhere)).toEqual([
      ['Task_DeleteResidence', 'ca-xa-dong-son'],
      ['Task_Survivorship', 'bhxh-khu-vuc-2'],
      ['Task_FuneralGrant', 'bhxh-khu-vuc-2'],
    ]);
    // In the residence's inboxes, not in the receiving commune's.
    const inbox = async (who: string) =>
      (
        await suite.api.ok<{ myTasks: { edges: { node: { elementId: string } }[] } }>(
          `{ myTasks { edges { node { elementId } } } }`,
          {},
          tokens[who],
        )
      ).myTasks.edges.map((e) => e.node.elementId);
    expect(await inbox('ca-xa-dong-son/police')).toEqual(['Task_DeleteResidence']);
    expect(await inbox('ca-xa-xuan-hoa/police')).toEqual([]);
    expect(await inbox('bhxh-khu-vuc-1/social_insurance')).toEqual([]);
    await runToEnd(elsewhere);

    // Without a commune of residence: those serving the receiving commune, as before.
    const here = await received(everything);
    await throughSign(here);
    expect(await open(here)).toEqual([
      ['Task_DeleteResidence', 'ca-xa-xuan-hoa'],
      ['Task_Survivorship', 'bhxh-khu-vuc-1'],
      ['Task_FuneralGrant', 'bhxh-khu-vuc-1'],
    ]);
    await runToEnd(here);
  });

  it('refuses a commune of residence it does not know, naming the field, and changes nothing', async () => {
    const count = async () =>
      (
        await suite.api.database.dataSource.query(
          `SELECT (SELECT count(*) FROM dossier)::int AS dossiers,
                  (SELECT count(*) FROM process_instance)::int AS instances,
                  (SELECT count(*) FROM task)::int AS tasks`,
        )
      )[0];
    const before = await count();
    const attempts: [unknown, string][] = [
      ['xa-khong-co', 'no commune known here'],
      ['ca-xa-dong-son', "kind 'police', not a commune"],
      [42, 'must be the code of the commune'],
    ];
    for (const [residenceCommune, why] of attempts) {
      const { data, errors } = await receive({ wantsResidenceDeletion: true, residenceCommune });
      expect(data).toBeNull();
      expect(errors?.[0]).toMatchObject({
        message: expect.stringContaining(why),
        extensions: { code: 'BAD_USER_INPUT', field: 'variables.residenceCommune' },
      });
    }
    // A category outside the declared list is refused the same way.
    const { errors } = await receive({
      wantsFuneralAllowance: true,
      deceasedCategory: 'pensioner',
    });
    expect(errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'variables.deceasedCategory' },
    });
    expect(await count()).toEqual(before);
  });

  it("routes the funeral allowance to whoever pays it for the deceased's category", async () => {
    const payer = async (variables: object) => {
      const code = await received({ wantsFuneralAllowance: true, ...variables });
      await throughSign(code);
      const tasks = await open(code);
      await runToEnd(code);
      return tasks;
    };
    expect(await payer({ deceasedCategory: 'insured' })).toEqual([
      ['Task_FuneralGrant', 'bhxh-khu-vuc-1'],
    ]);
    expect(await payer({ deceasedCategory: 'merit' })).toEqual([
      ['Task_MeritFuneral', 'so-noi-vu'],
    ]);
    // The support for a social protection beneficiary: the commune where they lived decides.
    expect(await payer({ deceasedCategory: 'social_protection' })).toEqual([
      ['Task_FuneralSupport', RECEIVING],
    ]);
    expect(
      await payer({ deceasedCategory: 'social_protection', residenceCommune: RESIDENCE }),
    ).toEqual([['Task_FuneralSupport', RESIDENCE]]);
    // Another category, or none said: the commune's officer works out which regime applies.
    expect(await payer({ deceasedCategory: 'other' })).toEqual([['Task_FuneralReview', RECEIVING]]);
    expect(await payer({})).toEqual([['Task_FuneralReview', RECEIVING]]);
  });

  it('runs every combination of choices to the end, whatever is missing', async () => {
    const PAYER: Record<string, [string, string]> = {
      insured: ['Task_FuneralGrant', 'bhxh-khu-vuc-2'],
      merit: ['Task_MeritFuneral', 'so-noi-vu'],
      social_protection: ['Task_FuneralSupport', RESIDENCE],
      other: ['Task_FuneralReview', RESIDENCE],
      missing: ['Task_FuneralReview', RESIDENCE],
    };
    // Each choice true, false or not given at all (its default: false).
    const choices = [true, false, undefined];
    for (const residence of choices) {
      for (const allowance of choices) {
        for (const survivorship of choices) {
          for (const category of allowance ? Object.keys(PAYER) : ['missing']) {
            const variables = {
              wantsResidenceDeletion: residence,
              wantsFuneralAllowance: allowance,
              wantsSurvivorship: survivorship,
              deceasedCategory: category === 'missing' ? undefined : category,
              residenceCommune: RESIDENCE,
            };
            const code = await received(variables);
            const expected = [
              ['Task_Receive', RECEIVING],
              ['Task_RegisterDeath', RECEIVING],
              ['Task_Sign', RECEIVING],
              ...(residence ? [['Task_DeleteResidence', 'ca-xa-dong-son']] : []),
              ...(survivorship ? [['Task_Survivorship', 'bhxh-khu-vuc-2']] : []),
              // The allowance passes its payer's gateway first: its step comes last.
              ...(allowance ? [PAYER[category]] : []),
              ['Task_ReturnResult', RECEIVING],
            ];
            const done = await runToEnd(code);
            expect([variables, done]).toEqual([variables, expected]);
          }
        }
      }
    }
  });
});
