import { compileBpmn, validateBpmn } from '../../../src/bpmn/compile';
import { decodeBpmnFile } from '../../../src/bpmn/decode';
import { bpmnProcess } from '../../support/bpmn';

const LINE = `<bpmn:startEvent id="s" /><bpmn:userTask id="a" tthc:role="office" />
  <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="a" />`;

describe('files drawn in other tools', () => {
  it('ignores elements of other vendors, wherever they sit, with a warning', async () => {
    const xml = bpmnProcess('p', `<signavio:signavioMetaData metaKey="bgcolor" />${LINE}`).replace(
      'xmlns:camunda=',
      'xmlns:signavio="http://www.signavio.com" xmlns:camunda=',
    );
    const { processes, warnings } = await compileBpmn(xml);
    expect(processes[0].nodes.a).toBeDefined();
    expect(warnings).toContainEqual({
      rule: 'engine/extension',
      message: expect.stringMatching(
        /^<signavio:signavioMetaData> at line \d+ belongs to another tool's extension and is ignored$/,
      ),
    });
  });

  it('still refuses a BPMN element it cannot read', async () => {
    const report = await validateBpmn(bpmnProcess('p', `<bpmn:notAnElement />${LINE}`));
    expect(report.errors).toEqual([expect.objectContaining({ rule: 'engine/xml' })]);
  });

  it('accepts documentation where a modeler misplaced it', async () => {
    const xml = bpmnProcess('p', `${LINE}<bpmn:documentation>Ghi chú</bpmn:documentation>`);
    expect((await validateBpmn(xml)).errors).toEqual([]);
  });

  it('decodes the encoding the XML declaration names, not UTF-8 always', async () => {
    const xml = bpmnProcess('p', LINE.replace('id="a"', 'id="a" name="Thẩm định"'))
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('Thẩm định', 'Vérifier');
    const bytes = Buffer.from(xml, 'latin1');
    expect(bytes.includes(0xe9)).toBe(true); // é, one byte in ISO-8859-1
    const { processes } = await compileBpmn(decodeBpmnFile(bytes));
    expect(processes[0].nodes.a.name).toBe('Vérifier');
    expect((await validateBpmn(bytes)).errors).toEqual([]);
    const unknown = Buffer.from(xml.replace('ISO-8859-1', 'x-klingon'), 'latin1');
    expect((await validateBpmn(unknown)).errors[0].message).toMatch(/'x-klingon'.*cannot be read/);
  });

  it('runs FEEL conditions under an XPath default on <definitions>, with a warning', async () => {
    const xml = bpmnProcess(
      'p',
      `<bpmn:startEvent id="s" /><bpmn:exclusiveGateway id="g" default="no" />
       <bpmn:userTask id="a" tthc:role="office" /><bpmn:endEvent id="e" />
       <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="g" />
       <bpmn:sequenceFlow id="yes" sourceRef="g" targetRef="a"><bpmn:conditionExpression>approved = true</bpmn:conditionExpression></bpmn:sequenceFlow>
       <bpmn:sequenceFlow id="no" sourceRef="g" targetRef="e" />`,
    ).replace(
      'id="Definitions_p"',
      'id="Definitions_p" expressionLanguage="http://www.w3.org/1999/XPath"',
    );
    const { processes, warnings } = await compileBpmn(xml);
    expect(processes[0].flows.yes.condition).toBe('approved = true');
    expect(warnings).toContainEqual(
      expect.objectContaining({ elementId: 'yes', rule: 'engine/expression-language' }),
    );
  });

  it('refuses an element without an id by its kind and name, not as an empty id', async () => {
    const report = await validateBpmn(
      bpmnProcess('p', `${LINE}<bpmn:userTask name="Ký duyệt" tthc:role="leader" />`),
    );
    expect(report.errors).toContainEqual({
      elementId: 'p',
      rule: 'engine/id',
      message: "A UserTask named 'Ký duyệt' in 'p' has no id: every element needs one",
    });
  });

  it('lists the processes it found when none is executable', async () => {
    const xml = bpmnProcess('drawing', LINE).replace('isExecutable="true"', 'isExecutable="false"');
    expect((await validateBpmn(xml)).errors[0].message).toBe(
      `The file has no executable process (a <process> with isExecutable="true"); it has 'drawing' (isExecutable="false")`,
    );
  });

  it('warns of a call to a process the file draws but does not make executable', async () => {
    const xml = bpmnProcess(
      'caller',
      `<bpmn:startEvent id="s" /><bpmn:callActivity id="call" calledElement="drawn" />
       <bpmn:sequenceFlow id="f" sourceRef="s" targetRef="call" />`,
      '',
      '<bpmn:process id="drawn" isExecutable="false"><bpmn:startEvent id="x" /></bpmn:process>',
    );
    expect((await compileBpmn(xml)).warnings).toContainEqual(
      expect.objectContaining({ elementId: 'call', rule: 'engine/called-process' }),
    );
  });
});
