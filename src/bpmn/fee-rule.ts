import type { Findings } from './findings';
import { syntaxErrorPosition } from './condition-source';
import { refuseClock } from './feel-clock';

/**
 * The procedure's fee rule (`tthc:feeAmount`, FEEL with or without the leading `=`), checked at
 * deploy like any expression: it must parse and must not read the clock.
 */
export function feeRuleOf(
  processId: string,
  text: string | undefined,
  findings: Findings,
): string | undefined {
  if (text === undefined) return undefined;
  const feel = text.startsWith('=') ? text.slice(1).trim() : text.trim();
  const errorAt = feel === '' ? 0 : syntaxErrorPosition(feel);
  if (errorAt !== undefined) {
    findings.invalid(
      `Process '${processId}' has tthc:feeAmount that is not valid FEEL at character ${errorAt + 1}: '${feel}'`,
      processId,
      'engine/feel',
    );
    return undefined;
  }
  return refuseClock(feel, processId, findings) ? undefined : feel;
}
