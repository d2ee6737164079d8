import { compileDmn } from '../../../src/bpmn/dmn/compile-dmn';
import { evaluateDecision } from '../../../src/engine/decision-table';
import type { Variables } from '../../../src/engine/types';
import { dmnTable } from '../../support/dmn';

const decide = async (table: Parameters<typeof dmnTable>[0], variables: Variables) => {
  const { decisions } = await compileDmn(dmnTable(table));
  return evaluateDecision(decisions[0], variables);
};

/** The fee for a copy of a civil status extract, by who asks (a FIRST table: exemptions first). */
const FEE = {
  hitPolicy: 'FIRST',
  inputs: ['applicantCategory', 'copies'],
  outputs: ['fee'],
  rules: [
    ['"poor household","merit"', '-', '0'],
    ['-', '> 10', '5000 * copies'],
    ['-', '-', '8000 * copies'],
  ],
};

describe('DMN decision tables', () => {
  it.each([
    [{ applicantCategory: 'merit', copies: 3 }, 0],
    [{ applicantCategory: 'other', copies: 12 }, 60000],
    [{ applicantCategory: 'other', copies: 2 }, 16000],
  ])('FIRST takes the first rule that matches: %j → %j', async (variables, fee) => {
    expect(await decide(FEE, variables)).toBe(fee);
  });

  const AGES = {
    inputs: ['age'],
    outputs: ['band'],
    rules: [
      ['< 18', '"minor"'],
      ['[18..60]', '"adult"'],
      ['> 60', '"elder"'],
    ],
  };

  it('UNIQUE gives the one match, null for none, and fails on two', async () => {
    expect(await decide(AGES, { age: 30 })).toBe('adult');
    expect(await decide({ ...AGES, rules: AGES.rules.slice(0, 1) }, { age: 30 })).toBeNull();
    await expect(
      decide({ ...AGES, rules: [...AGES.rules, ['>= 30', '"x"']] }, { age: 30 }),
    ).rejects.toMatchObject({ code: 'DECISION_FAILED', details: { decisionId: 'fee' } });
  });

  it('ANY accepts matches that agree and fails on matches that differ', async () => {
    const table = {
      hitPolicy: 'ANY',
      inputs: ['a'],
      outputs: ['x'],
      rules: [
        ['> 1', '"yes"'],
        ['> 2', '"yes"'],
        ['> 5', '"no"'],
      ],
    };
    expect(await decide(table, { a: 3 })).toBe('yes');
    await expect(decide(table, { a: 9 })).rejects.toMatchObject({ code: 'DECISION_FAILED' });
  });

  it('PRIORITY and OUTPUT ORDER follow the output values', async () => {
    const table = {
      hitPolicy: 'PRIORITY',
      inputs: ['days'],
      outputs: ['level'],
      outputValues: '"urgent","soon","later"',
      rules: [
        ['>= 0', '"later"'],
        ['< 3', '"urgent"'],
        ['< 7', '"soon"'],
      ],
    };
    expect(await decide(table, { days: 2 })).toBe('urgent');
    expect(await decide({ ...table, hitPolicy: 'OUTPUT ORDER' }, { days: 2 })).toEqual([
      'urgent',
      'soon',
      'later',
    ]);
  });

  it('RULE ORDER and COLLECT list the matches in rule order; COLLECT aggregates', async () => {
    const table = {
      hitPolicy: 'RULE ORDER',
      inputs: ['n'],
      outputs: ['x'],
      rules: [
        ['> 0', '1'],
        ['> 1', '2'],
        ['> 2', '3'],
      ],
    };
    expect(await decide(table, { n: 2 })).toEqual([1, 2]);
    expect(await decide({ ...table, hitPolicy: 'COLLECT' }, { n: 3 })).toEqual([1, 2, 3]);
    for (const [aggregation, value] of [
      ['SUM', 6],
      ['MIN', 1],
      ['MAX', 3],
      ['COUNT', 3],
    ] as const)
      expect(await decide({ ...table, hitPolicy: 'COLLECT', aggregation }, { n: 3 })).toBe(value);
    expect(
      await decide({ ...table, hitPolicy: 'COLLECT', aggregation: 'SUM' }, { n: 0 }),
    ).toBeNull();
    expect(await decide({ ...table, hitPolicy: 'COLLECT', aggregation: 'COUNT' }, { n: 0 })).toBe(
      0,
    );
  });

  it('several outputs give a context of their names', async () => {
    const table = {
      inputs: ['kind'],
      outputs: ['fee', 'days'],
      rules: [
        ['"copy"', '8000', '1'],
        ['"new"', '0', '5'],
      ],
    };
    expect(await decide(table, { kind: 'new' })).toEqual({ fee: 0, days: 5 });
  });

  it.each([
    ['not("x")', 'y', true],
    ['not("x")', 'x', false],
    ['"a","b"', 'b', true],
    ['[1..10]', 10, true],
    ['(1..10)', 10, false],
    ['>= 18', 17, false],
    ['-', 'anything', true],
  ])('the test %s over %j holds: %s', async (test, value, expected) => {
    const table = { inputs: ['v'], outputs: ['ok'], rules: [[test, 'true']] };
    expect(await decide(table, { v: value })).toBe(expected ? true : null);
  });

  it('names the decision and the rule when an expression fails', async () => {
    const table = { inputs: ['v'], outputs: ['x'], rules: [['-', 'missing + 1']] };
    await expect(decide(table, { v: 1 })).rejects.toMatchObject({
      code: 'DECISION_FAILED',
      message: expect.stringContaining("of 'r1'"),
    });
  });
});

describe('reading DMN files', () => {
  it('refuses what cannot run, naming each element', async () => {
    const broken = dmnTable({ inputs: ['a', 'b'], outputs: ['x'], rules: [['> ', '1']] });
    await expect(compileDmn(broken)).rejects.toMatchObject({
      code: 'BPMN_INVALID',
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ elementId: 'r1', rule: 'dmn/valid' }),
        ]),
      },
    });
    const badTest = dmnTable({ inputs: ['a'], outputs: ['x'], rules: [['>> 1', '1']] });
    await expect(compileDmn(badTest)).rejects.toMatchObject({
      details: { problems: [expect.objectContaining({ elementId: 'r1', rule: 'dmn/feel' })] },
    });
    const unordered = dmnTable({ hitPolicy: 'PRIORITY', inputs: ['a'], outputs: ['x'], rules: [] });
    await expect(compileDmn(unordered)).rejects.toMatchObject({
      details: { problems: [expect.objectContaining({ elementId: 'fee', rule: 'dmn/valid' })] },
    });
    const unknownPolicy = dmnTable({
      hitPolicy: 'SOMETIMES',
      inputs: ['a'],
      outputs: ['x'],
      rules: [],
    });
    await expect(compileDmn(unknownPolicy)).rejects.toMatchObject({ code: 'BPMN_INVALID' });
    await expect(compileDmn('<definitions')).rejects.toMatchObject({ code: 'BPMN_INVALID' });
  });

  it('reads a literal expression decision', async () => {
    const xml = `<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="x">
      <decision id="total"><literalExpression id="le"><text>fee * copies</text></literalExpression></decision></definitions>`;
    const { decisions } = await compileDmn(xml);
    expect(evaluateDecision(decisions[0], { fee: 8000, copies: 2 })).toBe(16000);
  });
});
