import { compileBpmn } from '../../../../src/bpmn/compile';
import { bpmnProcess } from '../../../support/bpmn';
import { Run, T0, between } from '../driver';
import { compileDmn } from '../../../../src/bpmn/dmn/compile-dmn';
import { evaluateDecision } from '../../../../src/engine/decision-table';
import type { DecisionEvaluator } from '../../../../src/engine/execution';
import { processVariables } from '../../../../src/engine/state';
import { step } from '../../../../src/engine/step';
import { dmnTable } from '../../../support/dmn';
import { modelOf } from '../../../support/models';

const then = (from: string) =>
  `<bpmn:userTask id="after" tthc:role="office" /><bpmn:sequenceFlow id="next" sourceRef="${from}" targetRef="after" />`;

describe('a plain or manual task', () => {
  it.each(['task', 'manualTask'])('a %s passes through, as Camunda runs it', async (type) => {
    const run = await Run.start(between(`<bpmn:${type} id="t" />${then('t')}`, 't', 'after'));
    expect(run.tokens()).toEqual(['after']);
    expect(run.history()).toEqual(
      expect.arrayContaining(['ELEMENT_ACTIVATED t', 'ELEMENT_COMPLETED t']),
    );
  });

  it('applies its input and output mappings', async () => {
    const task = `<bpmn:task id="t"><bpmn:extensionElements><zeebe:ioMapping>
        <zeebe:input source="=fee * 2" target="double" />
        <zeebe:output source="=double + 1" target="total" />
      </zeebe:ioMapping></bpmn:extensionElements></bpmn:task>`;
    const run = await Run.start(between(`${task}${then('t')}`, 't', 'after'), { fee: 10 });
    expect(run.variables()).toEqual({ fee: 10, total: 21 });
  });
});

describe('a script task', () => {
  it('evaluates its FEEL script into the result variable (zeebe:script)', async () => {
    const task = `<bpmn:scriptTask id="s"><bpmn:extensionElements>
        <zeebe:script expression="=sum(fees)" resultVariable="total" />
      </bpmn:extensionElements></bpmn:scriptTask>`;
    const run = await Run.start(between(`${task}${then('s')}`, 's', 'after'), {
      fees: [8000, 2000],
    });
    expect(run.variables()).toMatchObject({ total: 10000 });
    expect(run.tokens()).toEqual(['after']);
  });

  it('runs a <script> whose format is FEEL, with camunda:resultVariable', async () => {
    const task = `<bpmn:scriptTask id="s" scriptFormat="feel" camunda:resultVariable="adult">
        <bpmn:script>age &gt;= 18</bpmn:script></bpmn:scriptTask>`;
    const run = await Run.start(between(`${task}${then('s')}`, 's', 'after'), { age: 30 });
    expect(run.variables()).toMatchObject({ adult: true });
  });

  it('refuses the step, naming the element, when the script fails', async () => {
    const task = `<bpmn:scriptTask id="s"><bpmn:extensionElements>
        <zeebe:script expression="=missing + 1" resultVariable="x" />
      </bpmn:extensionElements></bpmn:scriptTask>`;
    await expect(Run.start(between(`${task}${then('s')}`, 's', 'after'))).rejects.toMatchObject({
      code: 'EXPRESSION_FAILED',
      details: { elementId: 's' },
    });
  });

  it.each(['javascript', 'groovy', ''])(
    "refuses a script in '%s' at deploy, naming the element",
    async (format) => {
      const xml = bpmnProcess(
        'p',
        between(
          `<bpmn:scriptTask id="s" scriptFormat="${format}"><bpmn:script>x = 1</bpmn:script></bpmn:scriptTask>${then('s')}`,
          's',
          'after',
        ),
      );
      await expect(compileBpmn(xml)).rejects.toMatchObject({
        code: 'BPMN_UNSUPPORTED',
        details: {
          problems: [expect.objectContaining({ elementId: 's', rule: 'engine/supported' })],
        },
      });
    },
  );
});

describe('a business rule task', () => {
  it('evaluates its decision with the evaluator the step is given, into the result variable', async () => {
    const { decisions } = await compileDmn(
      dmnTable({
        id: 'copy-fee',
        hitPolicy: 'FIRST',
        inputs: ['applicantCategory'],
        outputs: ['fee'],
        rules: [
          ['"merit"', '0'],
          ['-', '8000'],
        ],
      }),
    );
    const model = await modelOf(
      bpmnProcess(
        'p',
        between(
          `<bpmn:businessRuleTask id="fee"><bpmn:extensionElements><zeebe:calledDecision decisionId="copy-fee" resultVariable="fee" /></bpmn:extensionElements></bpmn:businessRuleTask>${then('fee')}`,
          'fee',
          'after',
        ),
      ),
    );
    const evaluator: DecisionEvaluator = (decision, _elementId, variables) => {
      expect(decision).toEqual({ decisionId: 'copy-fee', resultVariable: 'fee' });
      return evaluateDecision(decisions[0], variables);
    };
    const start = (category: string) =>
      step(
        model,
        undefined,
        { type: 'START', variables: { applicantCategory: category } },
        T0,
        undefined,
        evaluator,
      );
    expect(processVariables(start('merit').state)).toMatchObject({ fee: 0 });
    expect(processVariables(start('other').state)).toMatchObject({ fee: 8000 });
    // Without decisions, the step is refused, naming the element and the decision.
    expect(() => step(model, undefined, { type: 'START', variables: {} }, T0)).toThrow(
      expect.objectContaining({ code: 'DECISION_NOT_FOUND' }),
    );
  });
});
