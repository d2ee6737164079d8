import type { Findings } from './findings';
import { refuseClock } from './feel-clock';

/** Where an expression sits, for the messages: the element and what the expression is for. */
export interface ExpressionSite {
  elementId: string;
  /** E.g. `the condition`, `the mapping of 'x'`, `the loop condition`. */
  what: string;
}

const JUEL = /^[$#]\{/;

/**
 * The FEEL an expression attribute holds, or undefined (reported) when it cannot run. Camunda 8
 * writes `=expr`; a plain text is FEEL where FEEL is expected. JUEL (`${...}`) is refused here.
 */
export function feelOf(text: string, site: ExpressionSite, findings: Findings): string | undefined {
  const trimmed = text.trim();
  if (JUEL.test(trimmed)) {
    findings.add('BPMN_UNSUPPORTED', {
      elementId: site.elementId,
      rule: 'engine/expression-language',
      message: `${capitalized(site.what)} of '${site.elementId}' is a JUEL/script expression ('${trimmed}'); write it in FEEL`,
    });
    return undefined;
  }
  const feel = trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
  return refuseClock(feel, site.elementId, findings) ? undefined : feel;
}

/** Whether a text is a JUEL or script expression rather than FEEL or a literal. */
export const isJuelText = (text: string): boolean => JUEL.test(text.trim());

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
