import { getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { POLICY } from '../../../src/auth/policy';
import { snapshotDatabase } from '../../support/database';
import { apiSuite } from '../../support/flows';
import { seedOfficer } from '../../support/officers';

const ID = '00000000-0000-4000-8000-000000000000';

/** A call of each query and mutation, with arguments of the right types. */
const CALLS: Record<string, string> = {
  login: `mutation { login(username: "nobody", password: "wrong-password") { token } }`,
  workingCalendar: `{ workingCalendar(year: 2026) { year } }`,
  expectedAppointment: `{ expectedAppointment(procedureCode: "9.999999", receivedAt: "2026-03-02T02:00:00Z") }`,
  dossierStatus: `{ dossierStatus(code: "000.00.06.H56-261130-9999", phoneLast4: "5678") { status } }`,
  me: `{ me { username } }`,
  submitFeedback: `mutation { submitFeedback(code: "X-1", phoneLast4: "0000", content: "c") { id } }`,
  rateDossier: `mutation { rateDossier(code: "X-1", phoneLast4: "0000", satisfied: true) { satisfied } }`,
  answerFeedback: `mutation { answerFeedback(id: "${ID}", answer: "a") { id } }`,
  procedures: `{ procedures(search: "khai sinh") { code } }`,
  dossier: `{ dossier(code: "000.00.06.H56-260302-9999") { code } }`,
  dossiers: `{ dossiers(first: 5) { totalCount } }`,
  trackingBook: `{ trackingBook(from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z") { code } }`,
  dossierMetrics: `{ dossierMetrics { received } }`,
  stepMetrics: `{ stepMetrics(processDefinitionKey: "nothing-here", from: "2026-01-01", to: "2026-03-31") { elementId } }`,
  whatIf: `{ whatIf(scenarios: [{ processDefinitionId: "${ID}" }], weeks: 4) { onTimeRate } }`,
  serviceIndex: `{ serviceIndex(from: "2026-01-01", to: "2026-03-31") { points } }`,
  serviceIndexRanking: `{ serviceIndexRanking(from: "2026-01-01", to: "2026-03-31", provinceCode: "nowhere") { rank } }`,
  nationalRanking: `{ nationalRanking(from: "2026-01-01", to: "2026-03-31") { rank } }`,
  recordServiceIndicator: `mutation { recordServiceIndicator(agencyCode: "nowhere", from: "2026-01-01", to: "2026-03-31", indicator: PUBLISHED_ON_TIME, numerator: 1, denominator: 2) { points } }`,
  receiveDossier: `mutation { receiveDossier(input: { procedureKey: "nothing-here", applicant: { name: "A", idNumber: "001190012345" }, components: [] }) { code } }`,
  requestSupplement: `mutation { requestSupplement(code: "X-1", missing: ["Tờ khai"], reason: "r") { code } }`,
  submitSupplement: `mutation { submitSupplement(code: "X-1", components: []) { code } }`,
  refuseDossier: `mutation { refuseDossier(code: "X-1", reason: "r") { code } }`,
  guideApplicant: `mutation { guideApplicant(input: { procedureKey: "nothing-here", applicant: { name: "A", idNumber: "001190012345" }, reason: "r" }, missing: ["p"]) { id } }`,
  refuseApplicant: `mutation { refuseApplicant(input: { procedureKey: "nothing-here", applicant: { name: "A", idNumber: "001190012345" }, reason: "r" }) { id } }`,
  extendDossier: `mutation { extendDossier(code: "X-1", appointment: "2026-03-10T02:00:00Z", reason: "r") { code } }`,
  stopDossier: `mutation { stopDossier(code: "X-1", reason: "r") { code } }`,
  withdrawDossier: `mutation { withdrawDossier(code: "X-1", reason: "r") { code } }`,
  requestPayment: `mutation { requestPayment(code: "X-1", amount: 500000) { code } }`,
  recordPayment: `mutation { recordPayment(code: "X-1", amount: 8000, method: CASH) { code } }`,
  returnResult: `mutation { returnResult(code: "X-1") { code } }`,
  myTasks: `{ myTasks(first: 5) { totalCount counts { open } } }`,
  agencies: `{ agencies { code } }`,
  processDefinitions: `{ processDefinitions { key } }`,
  processInstance: `{ processInstance(id: "${ID}") { id } }`,
  tasks: `{ tasks(first: 5) { totalCount } }`,
  claimTask: `mutation { claimTask(id: "${ID}") { id } }`,
  assignTask: `mutation { assignTask(id: "${ID}", assignee: "x") { id } }`,
  unclaimTask: `mutation { unclaimTask(id: "${ID}") { id } }`,
  handOnTask: `mutation { handOnTask(id: "${ID}", agency: "nowhere", reason: "r") { id } }`,
  completeTask: `mutation { completeTask(id: "${ID}") { id } }`,
  startProcess: `mutation { startProcess(key: "nothing-here") { id } }`,
  correlateMessage: `mutation { correlateMessage(name: "nobody-waits") { kind } }`,
  deployProcess: `mutation { deployProcess(bpmnXml: "<not-bpmn/>") { id } }`,
  validateProcess: `{ validateProcess(bpmnXml: "<not-bpmn/>") { valid } }`,
  deployForm: `mutation { deployForm(schema: "not json") { changed } }`,
  taskForms: `{ taskForms { formId } }`,
  fetchAndLockJobs: `mutation { fetchAndLockJobs(type: "t", workerId: "w", maxJobs: 1, lockSeconds: 10) { id } }`,
  completeJob: `mutation { completeJob(id: "${ID}") { id } }`,
  failJob: `mutation { failJob(id: "${ID}", retries: 1, message: "m") { id } }`,
  throwJobError: `mutation { throwJobError(id: "${ID}", errorCode: "E") { id } }`,
  officers: `{ officers { username } }`,
  setAbsence: `mutation { setAbsence(username: "nobody", startsAt: "2026-03-02T00:00:00Z", endsAt: "2026-03-03T00:00:00Z", reason: "r") { id } }`,
  incidents: `{ incidents { id } }`,
  consistencyReport: `{ consistencyReport { instancesChecked } }`,
  retryIncident: `mutation { retryIncident(id: "${ID}") { id } }`,
  resolveIncident: `mutation { resolveIncident(id: "${ID}") { id } }`,
  moveToken: `mutation { moveToken(instanceId: "${ID}", fromElementId: "a", toElementId: "b", reason: "r") { id } }`,
  cancelStep: `mutation { cancelStep(instanceId: "${ID}", elementId: "a", reason: "r") { id } }`,
  migrationPreview: `{ migrationPreview(key: "nothing", fromVersion: 1, toVersion: 2) { instances } }`,
  migrateInstances: `mutation { migrateInstances(key: "nothing", fromVersion: 1, toVersion: 2, reason: "r") { migrated } }`,
  deployCalendar: `mutation { deployCalendar(name: "2027", content: {}) }`,
  createAgency: `mutation { createAgency(code: "Bad Code", name: "n", kind: "commune") { id } }`,
  setAgencyPayee: `mutation { setAgencyPayee(agencyCode: "none", bankBin: "1", account: "a", accountName: "n") { id } }`,
  notificationTemplates: `{ notificationTemplates { event text } }`,
  setNotificationTemplate: `mutation { setNotificationTemplate(event: RECEIVED, text: "Hồ sơ {khong_co}") { text } }`,
  setDossierNotifications: `mutation { setDossierNotifications(code: "X-1", channel: SMS) { code } }`,
  stopNotifications: `mutation { stopNotifications(code: "X-1", phoneLast4: "0000") }`,
  createOfficer: `mutation { createOfficer(input: { username: "Bad Name", fullName: "n", agencyCode: "none" }) { id } }`,
  deactivateOfficer: `mutation { deactivateOfficer(username: "nobody") }`,
  assignRole: `mutation { assignRole(username: "nobody", role: "land") { id } }`,
  removeRole: `mutation { removeRole(username: "nobody", role: "land") { id } }`,
  auditLog: `{ auditLog { id } }`,
  broadcastSignal: `mutation { broadcastSignal(name: "nobody-waits") { caught { id } } }`,
  evaluateConditions: `mutation { evaluateConditions(variables: {}) { id } }`,
  deployDecision: `mutation { deployDecision(dmnXml: "<not-dmn") { changed } }`,
  validateDecision: `{ validateDecision(dmnXml: "<not-dmn") { valid } }`,
  decisionDefinitions: `{ decisionDefinitions(key: "none") { id } }`,
};

/** Every query and mutation is in the policy, and is tried here; none is forgotten. */
describe('who may call what', () => {
  const suite = apiSuite();
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const dataSource = suite.api.database.dataSource;
    for (const role of ['reception', 'designer', 'worker', 'leader', 'admin']) {
      tokens[role] = await seedOfficer(dataSource, { username: `only-${role}`, roles: [role] });
    }
  });

  it('has a rule and a call for every query and mutation of the schema', async () => {
    const { data } = await suite.api.graphql<IntrospectionQuery>(getIntrospectionQuery(), {}, null);
    const fieldsOf = (...names: string[]) =>
      data!.__schema.types
        .filter((type) => names.includes(type.name))
        .flatMap((type) => ('fields' in type ? type.fields.map((field) => field.name) : []))
        .sort();
    const operations = fieldsOf('Query', 'Mutation');
    expect(Object.keys(POLICY).sort()).toEqual(fieldsOf('Query', 'Mutation', 'Subscription'));
    // Subscriptions need a WebSocket: test/integration/api/subscriptions.test.ts tries them.
    expect(Object.keys(CALLS).sort()).toEqual(operations);
  });

  const codeOf = async (operation: string, token: string | null) =>
    (await suite.api.graphql(CALLS[operation], {}, token)).errors?.[0]?.extensions?.code;

  it.each(Object.keys(CALLS))(
    '%s: signed out, each single role, and the policy agree',
    async (op) => {
      const requirement = POLICY[op];
      const before = await snapshotDatabase(suite.api.database.dataSource);
      const anonymous = await codeOf(op, null);
      // A public operation may refuse for its own reasons (login: a wrong password), never by role.
      if (requirement === 'public') expect(anonymous).not.toBe('FORBIDDEN');
      else expect(anonymous).toBe('UNAUTHENTICATED');
      for (const [role, token] of Object.entries(tokens)) {
        const code = await codeOf(op, token);
        const allowed =
          requirement === 'public' ||
          requirement === 'officer' ||
          (requirement as readonly string[]).includes(role);
        if (allowed) expect([role, code]).not.toEqual([role, 'FORBIDDEN']);
        else expect([role, code]).toEqual([role, 'FORBIDDEN']);
      }
      // The calls here are all refused one way or another: nothing changed, whoever asked.
      if (!['login', 'setAbsence'].includes(op)) {
        expect(await snapshotDatabase(suite.api.database.dataSource)).toEqual(before);
      }
    },
  );

  it('records every mutation with its actor and outcome, refused ones too', async () => {
    await codeOf('deployProcess', tokens.reception);
    await codeOf('deployProcess', null);
    const { auditLog } = await suite.api.ok(
      `{ auditLog(filter: { action: "deployProcess" }, first: 500) { actor action outcome } }`,
    );
    expect(auditLog).toEqual(
      expect.arrayContaining([
        { actor: 'only-reception', action: 'deployProcess', outcome: 'FORBIDDEN' },
        { actor: null, action: 'deployProcess', outcome: 'UNAUTHENTICATED' },
        { actor: 'only-designer', action: 'deployProcess', outcome: 'BPMN_INVALID' },
      ]),
    );
  });
});
