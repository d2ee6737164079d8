import { formFieldsOf } from '../../../src/bpmn/form-fields';
import { modelOf } from '../../support/models';
import { bpmnProcess } from '../../support/bpmn';

describe('formFieldsOf', () => {
  it('asks for the variables the conditions after a step compare, typed by what they are compared with', async () => {
    const model = await modelOf(
      bpmnProcess(
        'fields',
        `<bpmn:startEvent id="start" />
         <bpmn:userTask id="check" camunda:candidateGroups="reception" />
         <bpmn:exclusiveGateway id="gate" default="otherwise" />
         <bpmn:endEvent id="a" /><bpmn:endEvent id="b" /><bpmn:endEvent id="c" />
         <bpmn:sequenceFlow id="s" sourceRef="start" targetRef="check" />
         <bpmn:sequenceFlow id="t" sourceRef="check" targetRef="gate" />
         <bpmn:sequenceFlow id="yes" sourceRef="gate" targetRef="a"><bpmn:conditionExpression>=complete = true and pages &gt;= 3</bpmn:conditionExpression></bpmn:sequenceFlow>
         <bpmn:sequenceFlow id="kind" sourceRef="gate" targetRef="b"><bpmn:conditionExpression>=decision = "refuse"</bpmn:conditionExpression></bpmn:sequenceFlow>
         <bpmn:sequenceFlow id="otherwise" sourceRef="gate" targetRef="c" />`,
      ),
    );
    expect(formFieldsOf(model, 'check')).toEqual([
      { name: 'complete', type: 'BOOLEAN' },
      { name: 'pages', type: 'NUMBER' },
      { name: 'decision', type: 'TEXT' },
    ]);
  });
});
