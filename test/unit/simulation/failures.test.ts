import type { ProcessModel } from '../../../src/bpmn/model';
import { simulateWhatIf } from '../../../src/simulation/what-if';
import { bpmnProcess } from '../../support/bpmn';
import { modelOf } from '../../support/models';
import { reviewInputs, reviewModel } from '../../support/what-if';

let review: ProcessModel;
beforeAll(async () => {
  review = await reviewModel();
});

const withoutGroups = (model: ProcessModel, elementId: string, extra: object = {}) => ({
  ...model,
  nodes: {
    ...model.nodes,
    [elementId]: { ...model.nodes[elementId], candidateGroups: [], ...extra },
  },
});

describe('the what-if, where dossiers cannot go on', () => {
  it('counts the tasks no officer can do, and leaves their dossiers unfinished', () => {
    const model = withoutGroups(review, 'Task_Sign') as ProcessModel;
    const result = simulateWhatIf(reviewInputs(model, { weeks: 1 }));
    expect(result.unservedTasks).toBeGreaterThan(0);
    expect(result.unfinished).toBe(result.unservedTasks);
    expect(result.results).toBe(0);
  });

  it('counts as unserved the tasks of a role no officer of the run holds', () => {
    const inputs = reviewInputs(review, { weeks: 1 });
    inputs.staffing = { ...inputs.staffing, officers: { ...inputs.staffing.officers, leader: [] } };
    const result = simulateWhatIf(inputs);
    expect(result.dossiers).toBeGreaterThan(0);
    expect(result.unservedTasks).toBeGreaterThan(0);
    expect(result.unfinished).toBe(result.unservedTasks);
    expect(result.results).toBe(0);
  });

  it('gives a task with no group to the officer it is assigned to', () => {
    const model = withoutGroups(review, 'Task_Sign', { assignee: 'l1' }) as ProcessModel;
    const result = simulateWhatIf(reviewInputs(model, { weeks: 1 }));
    expect(result.unservedTasks).toBe(0);
    expect(result.unfinished).toBe(0);
    expect(result.results).toBe(result.dossiers);
  });

  it('delivers the signals a dossier throws to itself', async () => {
    const model = await modelOf(
      bpmnProcess(
        'self-signal',
        `<bpmn:startEvent id="start" />
         <bpmn:parallelGateway id="fork" />
         <bpmn:intermediateCatchEvent id="wait"><bpmn:signalEventDefinition signalRef="go" /></bpmn:intermediateCatchEvent>
         <bpmn:userTask id="after" camunda:candidateGroups="reception" />
         <bpmn:endEvent id="end1" />
         <bpmn:userTask id="first" camunda:candidateGroups="reception" />
         <bpmn:intermediateThrowEvent id="tell"><bpmn:signalEventDefinition signalRef="go" /></bpmn:intermediateThrowEvent>
         <bpmn:endEvent id="end2" />
         <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork" />
         <bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="wait" />
         <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="after" />
         <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end1" />
         <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="first" />
         <bpmn:sequenceFlow id="f5" sourceRef="first" targetRef="tell" />
         <bpmn:sequenceFlow id="f6" sourceRef="tell" targetRef="end2" />`,
        '',
        '<bpmn:signal id="go" name="go" />',
      ),
    );
    const result = simulateWhatIf(reviewInputs(model, { weeks: 1 }));
    expect(result.dossiers).toBeGreaterThan(0);
    expect(result.unfinished).toBe(0);
    expect(result.results).toBe(result.dossiers);
    expect(result.steps.map((s) => s.elementId)).toEqual(['after', 'first']);
  });

  it('marks failed, and says so, a dossier whose steps run on without end', async () => {
    const model = await modelOf(
      bpmnProcess(
        'endless',
        `<bpmn:startEvent id="start" />
         <bpmn:serviceTask id="svc" camunda:type="external" camunda:topic="t" />
         <bpmn:exclusiveGateway id="again" />
         <bpmn:endEvent id="end" />
         <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="svc" />
         <bpmn:sequenceFlow id="f1" sourceRef="svc" targetRef="again" />
         <bpmn:sequenceFlow id="f2" sourceRef="again" targetRef="svc" />`,
      ),
    );
    const result = simulateWhatIf(reviewInputs(model, { weeks: 1 }));
    expect(result.dossiers).toBeGreaterThan(0);
    expect(result.failed).toBe(result.dossiers);
    expect(result.unfinished).toBe(0);
  });
});
