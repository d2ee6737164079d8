import { evaluate } from 'feelin';
import { juelToFeel } from '../../../src/bpmn/juel';

const feel = (juel: string) => {
  const result = juelToFeel(juel);
  if (!('feel' in result)) throw new Error(`refused: ${result.refused}`);
  return result.feel;
};
const run = (juel: string, context: Record<string, unknown> = {}) => {
  const { value, warnings } = evaluate(feel(juel), context);
  if (warnings.length > 0) throw new Error(warnings[0].message);
  return value;
};

describe('JUEL translated to FEEL', () => {
  it.each([
    ['${amount > 1000 && urgent}', '(amount > 1000) and urgent'],
    ['${initiator}', 'initiator'],
    ['#{approved}', 'approved'],
    ['${!approved}', 'not(approved)'],
    ['${not approved}', 'not(approved)'],
    ["${status == 'done'}", 'status = "done"'],
    ['${status eq "done" or retries lt 3}', '(status = "done") or (retries < 3)'],
    ['${applicant.address.commune}', 'applicant.address.commune'],
    ["${applicant['name']}", 'applicant.name'],
    ['${papers[0]}', 'papers[1]'],
    ['${a ne b}', 'a != b'],
    ['${count mod 2 == 0}', 'modulo(count, 2) = 0'],
    ['${x div 2}', 'x / 2'],
    ['${-x + 1}', '(-x) + 1'],
    ['${a ? "yes" : "no"}', 'if a then "yes" else "no"'],
    ['PT${days}H', '"PT" + string(days) + "H"'],
  ])('%s → %s', (juel, expected) => {
    expect(feel(juel)).toBe(expected);
  });

  it.each([
    ['${amount > 1000 && urgent}', { amount: 1500, urgent: true }, true],
    ['${amount > 1000 && urgent}', { amount: 500, urgent: true }, false],
    ['${a + b * c}', { a: 1, b: 2, c: 3 }, 7],
    ['${(a + b) * c}', { a: 1, b: 2, c: 3 }, 9],
    ['${empty note}', { note: '' }, true],
    ['${empty note}', { note: null }, true],
    ['${empty papers}', { papers: [] }, true],
    ['${empty papers}', { papers: ['CCCD'] }, false],
    ['${empty address}', { address: {} }, true],
    ['${empty address}', { address: { commune: 'Xuân Hòa' } }, false],
    ['${empty total}', { total: 0 }, false],
    ['${not empty note}', { note: 'x' }, true],
    ['${x >= 18 ? "adult" : "minor"}', { x: 20 }, 'adult'],
    ['${n % 3}', { n: 10 }, 1],
    ["${kind == 'merit' || kind == 'poor'}", { kind: 'poor' }, true],
    ['${applicant.age ge 18}', { applicant: { age: 17 } }, false],
    ['R3/PT${hours}H', { hours: 10 }, 'R3/PT10H'],
    ["${'it\\'s'}", {}, "it's"],
    ['${1.5e2}', {}, 150],
  ])('%s over %j gives %j', (juel, context, expected) => {
    expect(run(juel, context)).toEqual(expected);
  });

  it.each([
    ['${execution.getVariable("x")}', 'object of the engine'],
    ['${order.total()}', 'calls a method'],
    ['${myBean.check(x)}', 'calls a method'],
    ['${execution}', 'object of the engine'],
    ['${task.assignee}', 'object of the engine'],
    ['${fn:length(x)}', "':' is not expected"],
    ['${x = 1}', 'cannot be read'],
    ['${a instanceof B}', "'instanceof' is not expected"],
    ['${a ? b}', "no ':'"],
    ['${"open}', 'not closed'],
    ['${(a}', 'not closed'],
    ['${}', 'empty'],
    ['${a', 'not closed'],
    ['${a[b]}', 'indexed'],
    ['${a && }', 'ends too soon'],
  ])('refuses %s, saying it %s', (juel, reason) => {
    const result = juelToFeel(juel);
    expect('refused' in result && result.refused).toContain(reason);
  });
});
