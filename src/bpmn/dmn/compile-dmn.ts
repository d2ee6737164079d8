import type { ModdleElement } from 'bpmn-moddle';
import { DmnModdle } from 'dmn-moddle';
import { unaryTest } from 'feelin';
import { AppError } from '../../errors';
import { syntaxErrorPosition } from '../condition-source';
import { Findings } from '../findings';
import { MAX_BPMN_BYTES } from '../parse-xml';
import { asList } from '../roles';
import {
  HIT_POLICIES,
  type Aggregation,
  type DecisionModel,
  type DecisionTable,
  type HitPolicy,
} from './decision-model';

export interface CompiledDmn {
  decisions: DecisionModel[];
  warnings: Findings['warnings'];
}

/**
 * Reads a DMN 1.3 file (decision tables and literal expressions in FEEL, as the bpmn.io DMN
 * modeler draws them) into decision models, or throws naming every problem, as for BPMN.
 */
export async function compileDmn(xml: string): Promise<CompiledDmn> {
  if (
    Buffer.byteLength(xml, 'utf8') > MAX_BPMN_BYTES ||
    /<!DOCTYPE/i.test(xml) ||
    xml.includes('\u0000')
  ) {
    throw new AppError(
      'BPMN_INVALID',
      'The DMN file is too large, declares a DOCTYPE or holds a NUL character',
    );
  }
  let definitions: ModdleElement;
  try {
    const parsed = await new DmnModdle().fromXML(xml, 'dmn:Definitions');
    const unreadable = parsed.warnings.find((w) => w.message.startsWith('unparsable content'));
    if (unreadable) throw new Error(unreadable.message.split('\n')[0]);
    definitions = parsed.rootElement;
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new AppError('BPMN_INVALID', `The file is not valid DMN 1.3: ${why}`, {
      problems: [{ message: `The file is not valid DMN 1.3: ${why}`, rule: 'dmn/xml' }],
    });
  }
  const findings = new Findings();
  const decisions = asList(definitions.drgElement)
    .filter((element) => element.$type === 'dmn:Decision')
    .map((decision) => compileDecision(decision, findings))
    .filter((decision): decision is DecisionModel => decision !== undefined);
  if (decisions.length === 0) findings.invalid('The file has no decision', undefined, 'dmn/valid');
  const ids = decisions.map((decision) => decision.id);
  for (const id of ids.filter((id, i) => ids.indexOf(id) !== i))
    findings.invalid(`Two decisions have the id '${id}'`, id, 'dmn/valid');
  findings.throwIfAny();
  return { decisions, warnings: findings.warnings };
}

function compileDecision(decision: ModdleElement, findings: Findings): DecisionModel | undefined {
  const id = decision.id ?? '';
  if (id === '') {
    findings.invalid(
      `A decision${decision.name ? ` named '${decision.name}'` : ''} has no id`,
      undefined,
      'dmn/valid',
    );
    return undefined;
  }
  const logic = decision.decisionLogic as ModdleElement | undefined;
  const name =
    typeof decision.name === 'string' && decision.name.trim() !== ''
      ? decision.name.trim()
      : undefined;
  if (logic?.$type === 'dmn:LiteralExpression') {
    const expression = feelText(logic, id, findings);
    return expression === undefined
      ? undefined
      : {
          id,
          ...(name && { name }),
          logic: { kind: 'literal', expression: checked(expression, id, findings) },
        };
  }
  if (logic?.$type !== 'dmn:DecisionTable') {
    findings.add('BPMN_UNSUPPORTED', {
      elementId: id,
      rule: 'dmn/supported',
      message: `Decision '${id}' is ${logic ? `a ${logic.$type.replace('dmn:', '')}` : 'empty'}; the engine runs decision tables and literal expressions`,
    });
    return undefined;
  }
  const table = compileTable(id, logic, findings);
  return table && { id, ...(name && { name }), logic: table };
}

function compileTable(
  id: string,
  table: ModdleElement,
  findings: Findings,
): DecisionTable | undefined {
  const hitPolicy = String(table.hitPolicy ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) {
    findings.invalid(
      `Decision '${id}' has the hit policy '${hitPolicy}', which DMN does not define`,
      id,
      'dmn/valid',
    );
    return undefined;
  }
  const aggregation = table.aggregation as Aggregation | undefined;
  const inputs = asList(table.input).map((input, i) => ({
    id: input.id ?? `input${i + 1}`,
    ...(typeof input.label === 'string' && { label: input.label }),
    expression: checked(
      feelText(input.inputExpression as ModdleElement | undefined, id, findings) ?? 'null',
      id,
      findings,
    ),
  }));
  const outputs = asList(table.output).map((output, i) => ({
    id: output.id ?? `output${i + 1}`,
    name: typeof output.name === 'string' ? output.name : '',
    ...(typeof output.label === 'string' && { label: output.label }),
    ...outputValues(output),
  }));
  if (outputs.length > 1 && outputs.some((output) => output.name === '')) {
    findings.invalid(
      `Decision '${id}' has several outputs, and not every one has a name`,
      id,
      'dmn/valid',
    );
  }
  if (aggregation && (hitPolicy !== 'COLLECT' || outputs.length !== 1)) {
    findings.invalid(
      `Decision '${id}' aggregates (${aggregation}), which only a COLLECT table of one output can`,
      id,
      'dmn/valid',
    );
  }
  if (
    (hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') &&
    !outputs.some((o) => o.values)
  ) {
    findings.invalid(
      `Decision '${id}' orders its results (${hitPolicy}) but lists no output values to order them by`,
      id,
      'dmn/valid',
    );
  }
  const rules = asList(table.rule).map((rule, i) =>
    compileRule(id, rule, i, inputs.length, outputs.length, findings),
  );
  return { kind: 'table', hitPolicy, ...(aggregation && { aggregation }), inputs, outputs, rules };
}

function compileRule(
  id: string,
  rule: ModdleElement,
  index: number,
  inputCount: number,
  outputCount: number,
  findings: Findings,
) {
  const ruleId = rule.id ?? `rule${index + 1}`;
  const inputEntries = asList(rule.inputEntry).map((entry) => unaryTests(entry, ruleId, findings));
  const outputEntries = asList(rule.outputEntry).map((entry) =>
    checked(feelText(entry, ruleId, findings) ?? 'null', ruleId, findings),
  );
  if (inputEntries.length !== inputCount || outputEntries.length !== outputCount) {
    findings.invalid(
      `Rule '${ruleId}' of decision '${id}' has ${inputEntries.length} input and ${outputEntries.length} output entries, for ${inputCount} inputs and ${outputCount} outputs`,
      ruleId,
      'dmn/valid',
    );
  }
  const description = typeof rule.description === 'string' ? rule.description : undefined;
  return { id: ruleId, inputEntries, outputEntries, ...(description && { description }) };
}

/** The text of an expression element, refused unless in FEEL (DMN's default). */
function feelText(
  element: ModdleElement | undefined,
  owner: string,
  findings: Findings,
): string | undefined {
  const language = element?.expressionLanguage;
  if (typeof language === 'string' && language.trim() !== '' && !/feel/i.test(language)) {
    findings.add('BPMN_UNSUPPORTED', {
      elementId: owner,
      rule: 'dmn/expression-language',
      message: `'${owner}' is written in '${language}'; only FEEL is run`,
    });
    return undefined;
  }
  const text = typeof element?.text === 'string' ? element.text.trim() : '';
  return text === '' ? 'null' : text;
}

function checked(expression: string, owner: string, findings: Findings): string {
  const at = syntaxErrorPosition(expression);
  if (at !== undefined)
    findings.invalid(
      `'${owner}' has '${expression}', which is not valid FEEL at character ${at + 1}`,
      owner,
      'dmn/feel',
    );
  return expression;
}

/** An input entry: unary tests, where an empty cell means any value (`-`). */
function unaryTests(entry: ModdleElement, ruleId: string, findings: Findings): string {
  const text = feelText(entry, ruleId, findings);
  if (text === undefined || text === 'null' || text === '-') return '-';
  try {
    // Parsing is all this asks of it: feelin throws a SyntaxError for tests it cannot read.
    unaryTest(text, { '?': null });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    findings.invalid(
      `Rule '${ruleId}' has the test '${text}', which is not valid FEEL (${why})`,
      ruleId,
      'dmn/feel',
    );
  }
  return text;
}

function outputValues(output: ModdleElement): { values?: string[] } {
  const text = (output.outputValues as ModdleElement | undefined)?.text;
  if (typeof text !== 'string' || text.trim() === '') return {};
  // `"a","b","c"`: the allowed values as FEEL literals, in priority order.
  const values = [...text.matchAll(/"(?:[^"\\]|\\.)*"|[^,\s][^,]*/g)].map((match) =>
    match[0].trim(),
  );
  return values.length > 0 ? { values } : {};
}

/** Every problem of a DMN file, without deploying it (as validateBpmn for BPMN). */
export async function validateDmn(
  xml: string,
): Promise<{ errors: Findings['warnings']; warnings: Findings['warnings'] }> {
  try {
    const { warnings } = await compileDmn(xml);
    return { errors: [], warnings };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return {
      errors: error.details.problems ?? [{ message: error.message, rule: 'dmn/xml' }],
      warnings: error.details.warnings ?? [],
    };
  }
}
