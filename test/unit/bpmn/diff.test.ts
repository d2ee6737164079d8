import { diffModels } from '../../../src/bpmn/diff';
import { bpmnProcess } from '../../support/bpmn';
import { modelOf } from '../../support/models';

const version = (role: string, extra = '', duration = '3 working days') =>
  modelOf(
    bpmnProcess(
      'diffed',
      `<bpmn:startEvent id="start" />
       <bpmn:userTask id="check" name="Kiểm tra" camunda:candidateGroups="${role}" />
       <bpmn:endEvent id="end" />
       <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="check" />
       <bpmn:sequenceFlow id="b" sourceRef="check" targetRef="end" />${extra}`,
      `tthc:statutoryDuration="${duration}"`,
    ),
  );

describe('diffModels', () => {
  it('names what a designer changed: a role, an added step, the statutory time', async () => {
    const before = await version('reception');
    expect(diffModels(before, await version('reception'))).toEqual([]);
    expect(diffModels(before, await version('civil_status'))).toEqual([
      { elementId: 'check', change: 'CHANGED', kind: 'userTask', name: 'Kiểm tra' },
    ]);
    const added = await version(
      'reception',
      `<bpmn:userTask id="sign" name="Ký" camunda:candidateGroups="leader" />`,
      '5 working days',
    );
    expect(diffModels(before, added)).toEqual([
      { elementId: 'diffed', change: 'CHANGED', kind: 'process', name: null },
      { elementId: 'sign', change: 'ADDED', kind: 'userTask', name: 'Ký' },
    ]);
    expect(diffModels(added, before).map((c) => [c.elementId, c.change])).toEqual([
      ['diffed', 'CHANGED'],
      ['sign', 'REMOVED'],
    ]);
  });
});
