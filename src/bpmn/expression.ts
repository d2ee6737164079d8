import type { Problem } from '../errors';
import type { Findings } from './findings';
import { refuseClock } from './feel-clock';
import { isJuel, juelToFeel } from './juel';

/** Where an expression sits, for the messages: the element and what the expression is for. */
export interface ExpressionSite {
  elementId: string;
  /** E.g. `the condition`, `the mapping of 'x'`, `the loop condition`. */
  what: string;
}

/**
 * The FEEL an expression attribute holds, or undefined (reported) when it cannot run. Camunda 8
 * writes `=expr`; a plain text is FEEL where FEEL is expected. Camunda 7's JUEL (`${...}`) is
 * translated when it has a FEEL twin, with a warning showing both, and refused otherwise.
 */
export function feelOf(text: string, site: ExpressionSite, findings: Findings): string | undefined {
  const trimmed = text.trim();
  if (isJuel(trimmed)) {
    const translated = juelToFeel(trimmed);
    if ('refused' in translated) {
      findings.add('BPMN_UNSUPPORTED', {
        elementId: site.elementId,
        rule: 'engine/expression-language',
        message: `${capitalized(site.what)} of '${site.elementId}' is JUEL ('${trimmed}') that has no FEEL equivalent: ${translated.refused}; write it in FEEL`,
      });
      return undefined;
    }
    findings.warnings.push(juelTranslated(site, trimmed, translated.feel));
    return refuseClock(translated.feel, site.elementId, findings) ? undefined : translated.feel;
  }
  const feel = trimmed.startsWith('=') ? trimmed.slice(1).trim() : trimmed;
  return refuseClock(feel, site.elementId, findings) ? undefined : feel;
}

/** The warning that shows a JUEL expression beside the FEEL it was translated to. */
export function juelTranslated(site: ExpressionSite, juel: string, feel: string): Problem {
  return {
    message: `${capitalized(site.what)} of '${site.elementId}' is JUEL ('${juel}'), translated to FEEL as '${feel}'`,
    elementId: site.elementId,
    rule: 'engine/juel',
  };
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
