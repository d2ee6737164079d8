import type { Findings } from './findings';

/**
 * FEEL's `now()` and `today()` read the machine's clock, which would make a step depend on when
 * it runs and a resumed instance take another branch. The engine gives time only as the step's
 * `now`, so such expressions are refused at deploy. Returns whether the expression is refused.
 */
export function refuseClock(expression: string, elementId: string, findings: Findings): boolean {
  if (!/\b(now|today)\s*\(/.test(expression)) return false;
  findings.add('BPMN_UNSUPPORTED', {
    elementId,
    rule: 'engine/feel',
    message: `'${elementId}' uses FEEL now() or today() in '${expression}', which would read the clock; pass the time as a variable`,
  });
  return true;
}
