import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lintBpmnFiles } from '../../../src/cli/lint-bpmn';
import { createTestApi, type TestApi } from '../../support/api';
import { bpmnProcess } from '../../support/bpmn';
import { snapshotDatabase } from '../../support/database';
import { readProjectFile } from '../../support/models';

/** A file with an engine error, a bpmnlint error and style warnings. */
const FLAWED = bpmnProcess(
  'flawed',
  `<bpmn:startEvent id="start" name="Bắt đầu" />
   <bpmn:exclusiveGateway id="route" name="Chọn" />
   <bpmn:userTask id="nobody" name="Không ai làm" />
   <bpmn:userTask id="office" camunda:candidateGroups="office" />
   <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="route" />
   <bpmn:sequenceFlow id="b" sourceRef="route" targetRef="nobody" />
   <bpmn:sequenceFlow id="c" sourceRef="route" targetRef="office"><bpmn:conditionExpression>urgent</bpmn:conditionExpression></bpmn:sequenceFlow>
   <bpmn:sequenceFlow id="c2" sourceRef="route" targetRef="office"><bpmn:conditionExpression>urgent</bpmn:conditionExpression></bpmn:sequenceFlow>`,
);

describe('validating BPMN before it is deployed', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  const validate = async (xml: string) =>
    (
      await api.ok(
        `query ($xml: String!) { validateProcess(bpmnXml: $xml) { valid problems { severity rule elementId message } } }`,
        { xml },
      )
    ).validateProcess;

  it('reports every problem with its element, rule and severity', async () => {
    const report = await validate(FLAWED);
    expect(report.valid).toBe(false);
    const lines = report.problems.map((p: any) => `${p.severity} ${p.rule} ${p.elementId}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'WARNING engine/task-role nobody',
        'ERROR engine/gateway-conditions b',
        'ERROR bpmnlint/no-duplicate-sequence-flows c2',
        'WARNING bpmnlint/label-required office',
      ]),
    );
    // Errors come before warnings.
    const severities = report.problems.map((p: any) => p.severity);
    expect(severities.indexOf('WARNING')).toBeGreaterThan(severities.lastIndexOf('ERROR'));
  });

  it('finds nothing to stop the real procedures', async () => {
    for (const file of [
      'processes/civil-status/birth-registration.bpmn',
      'processes/joint/birth-residence-insurance.bpmn',
    ]) {
      expect(await validate(readProjectFile(file))).toEqual({ valid: true, problems: [] });
    }
  });

  it('reports XML that cannot be read as one error with its line', async () => {
    const report = await validate('<bpmn:definitions');
    expect(report).toMatchObject({
      valid: false,
      problems: [{ severity: 'ERROR', rule: 'engine/xml' }],
    });
  });

  it('refuses to deploy a file with errors, with all of them in the error, and writes nothing', async () => {
    const before = await snapshotDatabase(api.database.dataSource);
    const result = await api.graphql(
      `mutation ($xml: String!) { deployProcess(bpmnXml: $xml) { id } }`,
      { xml: FLAWED },
    );
    const extensions = result.errors?.[0].extensions as any;
    expect(extensions.code).toBe('BPMN_INVALID');
    expect([...new Set(extensions.problems.map((p: any) => p.rule))].sort()).toEqual([
      'bpmnlint/no-duplicate-sequence-flows',
      'engine/gateway-conditions',
    ]);
    expect(await snapshotDatabase(api.database.dataSource)).toEqual(before);
  });

  it('prints the same problems from the command line, and counts the errors', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'lint-'));
    const file = path.join(folder, 'flawed.bpmn');
    writeFileSync(file, FLAWED);
    const lines: string[] = [];
    const errors = await lintBpmnFiles([file], (line) => lines.push(line));
    expect(errors).toBe(lines.filter((line) => line.includes(': error ')).length);
    expect(errors).toBeGreaterThanOrEqual(2);
    expect(lines).toContain(
      `${file}: warning engine/task-role nobody: User task 'nobody' has no role, so it goes to the agency's leaders: put it in a lane or set candidate groups, users or an assignee`,
    );
    expect(lines.at(-1)).toBe(
      `${file}: ${errors} error(s), ${lines.length - 1 - errors} warning(s)`,
    );
  });
});
