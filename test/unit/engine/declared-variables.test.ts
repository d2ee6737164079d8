import { compileBpmn } from '../../../src/bpmn/compile';
import { step } from '../../../src/engine/step';
import type { Effect } from '../../../src/engine/types';
import { AppError } from '../../../src/errors';
import { bpmnProcess } from '../../support/bpmn';
import { modelFrom, modelOf } from '../../support/models';

const T0 = '2026-03-02T02:00:00.000Z';

/** A process whose gateway reads `urgent` and `kind`, with the declarations given. */
const withDeclarations = (declarations: string) =>
  bpmnProcess(
    'declared',
    `<bpmn:extensionElements>${declarations}</bpmn:extensionElements>
     <bpmn:startEvent id="start" />
     <bpmn:exclusiveGateway id="gw" default="toOther" />
     <bpmn:userTask id="fast" camunda:candidateGroups="clerk" />
     <bpmn:userTask id="other" camunda:candidateGroups="clerk" />
     <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="gw" />
     <bpmn:sequenceFlow id="toFast" sourceRef="gw" targetRef="fast">
       <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=urgent = true and kind = "a"</bpmn:conditionExpression>
     </bpmn:sequenceFlow>
     <bpmn:sequenceFlow id="toOther" sourceRef="gw" targetRef="other" />`,
  );

const refusal = async (xml: string) =>
  compileBpmn(xml).then(
    () => undefined,
    (e: unknown) => e as AppError,
  );

const tasks = (effects: Effect[]) =>
  effects.flatMap((e) => (e.type === 'CREATE_TASK' ? [e.elementId] : []));

describe('declared process variables (tthc:variable)', () => {
  const DECLARED = `<tthc:variable name="urgent" type="boolean" default="false" />
     <tthc:variable name="kind" type="text" values="a, b" default="b" />
     <tthc:variable name="count" type="number" />`;

  it('fill in their defaults at the start, so that no condition reads a missing variable', async () => {
    const model = await modelOf(withDeclarations(DECLARED));
    expect(model.variables).toEqual([
      { name: 'urgent', type: 'boolean', default: false },
      { name: 'kind', type: 'text', values: ['a', 'b'], default: 'b' },
      { name: 'count', type: 'number' },
    ]);
    const start = (variables: object) =>
      step(model, undefined, { type: 'START', variables: variables as never }, T0);
    const nothing = start({});
    expect(tasks(nothing.effects)).toEqual(['other']);
    expect(nothing.state.scopes[0].variables).toEqual({ urgent: false, kind: 'b' });
    expect(tasks(start({ urgent: true, kind: 'a', count: null }).effects)).toEqual(['fast']);
  });

  it('refuse a value of another type or outside the list, naming the variable', async () => {
    const model = await modelOf(withDeclarations(DECLARED));
    for (const [variables, field] of [
      [{ urgent: 'yes' }, 'variables.urgent'],
      [{ kind: 'c' }, 'variables.kind'],
      [{ count: '3' }, 'variables.count'],
    ] as const) {
      expect(() => step(model, undefined, { type: 'START', variables }, T0)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field, key: 'declared' } }),
      );
    }
    // An officer completing a step is held to them too.
    const { state } = step(model, undefined, { type: 'START', variables: {} }, T0);
    const waitId = state.tokens[0].id;
    expect(() =>
      step(model, state, { type: 'COMPLETE_TASK', waitId, variables: { kind: 'z' } }, T0),
    ).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('make the file invalid when the engine could not apply them', async () => {
    for (const [declaration, message] of [
      ['<tthc:variable name="x y" />', 'needs a name FEEL can read'],
      ['<tthc:variable name="x" type="date" />', "has type 'date'"],
      ['<tthc:variable name="x" type="boolean" default="maybe" />', 'is not true or false'],
      ['<tthc:variable name="x" values="a, b" default="c" />', 'is not one of "a", "b"'],
      ['<tthc:variable name="x" type="number" values="1, 2" />', 'only a text variable'],
      ['<tthc:variable name="x" /><tthc:variable name="x" />', 'declared twice'],
    ]) {
      const error = await refusal(withDeclarations(declaration));
      expect([declaration, error?.code, error?.message]).toEqual([
        declaration,
        'BPMN_INVALID',
        expect.stringContaining(message),
      ]);
    }
  });

  it('pass the commune of residence to the steps of a kind of agency', async () => {
    const model = await modelFrom('processes/joint/birth-residence-insurance.bpmn');
    const { state } = step(
      model,
      undefined,
      { type: 'START', variables: { residenceCommune: 'xa-dong-son' } },
      T0,
    );
    let current = state;
    for (const elementId of ['Task_Receive', 'Task_RegisterBirth', 'Task_Sign']) {
      const waitId = current.tokens.find((t) => t.elementId === elementId)!.id;
      const result = step(
        model,
        current,
        { type: 'COMPLETE_TASK', waitId, variables: {}, actor: 'officer' },
        T0,
      );
      current = result.state;
      if (elementId === 'Task_Sign') {
        expect(
          result.effects.flatMap((e) =>
            e.type === 'CREATE_TASK' ? [[e.elementId, e.agencyKind, e.residenceCommune]] : [],
          ),
        ).toEqual([
          ['Task_RegisterResidence', 'police', 'xa-dong-son'],
          ['Task_IssueInsuranceCard', 'social_insurance', 'xa-dong-son'],
        ]);
      }
    }
  });
});
