import type { TestApi } from './api';

/** The papers a birth registration needs, as GraphQL input: its dossiers in tests bring them. */
export const BIRTH_PAPERS = `[{ name: "Tờ khai đăng ký khai sinh", kind: ORIGINAL },
  { name: "Giấy chứng sinh (hoặc văn bản xác nhận của người làm chứng)", kind: ORIGINAL }]`;

/** The desk receives a birth registration for `applicant`, with its papers; its code. */
export async function receiveBirthRegistration(
  api: TestApi,
  token: string,
  applicant = { name: 'Nguyễn Thị Bình', idNumber: '001190012345', phone: '0912345678' },
): Promise<string> {
  const { receiveDossier } = await api.ok<{ receiveDossier: { code: string } }>(
    `mutation ($name: String!, $id: String!, $phone: String!) { receiveDossier(input: {
       procedureKey: "birth-registration", applicant: { name: $name, idNumber: $id, phone: $phone },
       components: ${BIRTH_PAPERS} }) { code } }`,
    { name: applicant.name, id: applicant.idNumber, phone: applicant.phone },
    token,
  );
  return receiveDossier.code;
}

/**
 * An officer finds the dossier's open task at `elementId` (read by `reader`, an officer of the
 * dossier's agency), claims it and completes it with `variables`; any error fails the test.
 */
export async function workTask(
  api: TestApi,
  step: { code: string; elementId: string; token: string; reader: string; variables?: object },
): Promise<void> {
  const { dossier } = await api.ok(
    `query ($code: String!) { dossier(code: $code) { processInstance { openTasks { id elementId } } } }`,
    { code: step.code },
    step.reader,
  );
  const task = dossier.processInstance.openTasks.find(
    (t: { elementId: string }) => t.elementId === step.elementId,
  );
  if (!task) throw new Error(`dossier ${step.code} has no open ${step.elementId}`);
  await api.ok(`mutation ($id: ID!) { claimTask(id: $id) { id } }`, { id: task.id }, step.token);
  await api.ok(
    `mutation ($id: ID!, $v: JSON) { completeTask(id: $id, variables: $v) { id } }`,
    { id: task.id, v: step.variables ?? {} },
    step.token,
  );
}

/** The officer claims and completes the dossier's one open task, whatever step it is. */
export async function workNextTask(api: TestApi, code: string, token: string): Promise<void> {
  const { dossier } = await api.ok<{
    dossier: { processInstance: { openTasks: { id: string }[] } };
  }>(
    `query ($code: String!) { dossier(code: $code) { processInstance { openTasks { id } } } }`,
    { code },
    token,
  );
  const [task] = dossier.processInstance.openTasks;
  if (!task) throw new Error(`dossier ${code} has no open task`);
  await api.ok(`mutation ($id: ID!) { claimTask(id: $id) { id } }`, task, token);
  await api.ok(`mutation ($id: ID!) { completeTask(id: $id) { id } }`, task, token);
}
