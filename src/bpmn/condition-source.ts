import { parseExpression } from 'feelin';
import type { ModdleElement } from 'bpmn-moddle';
import type { Problem } from '../errors';
import { isJuel, juelToFeel } from './juel';
import { juelTranslated } from './expression';

/**
 * Turns a sequence flow's `conditionExpression` into FEEL source, or says why it cannot run.
 * Camunda 8 writes `=expr`; plain FEEL is accepted as it is. Camunda 7's JUEL (`${...}`) is
 * translated to FEEL where it has an equivalent, with a warning. Other languages (JavaScript,
 * Groovy, XPath) are never evaluated, so they are refused here, at deploy.
 * The language is the expression's own, else the one the file declares on <definitions>, else
 * FEEL: BPMN's default is XPath, but modelers leave the attribute out and mean FEEL.
 */
export function conditionSource(
  flowId: string,
  expression: ModdleElement,
  fileLanguage: string | undefined,
):
  | { condition: string; warning?: Problem }
  | { problem: Problem; code: 'BPMN_INVALID' | 'BPMN_UNSUPPORTED' } {
  // Without xsi:type="tFormalExpression" the parser keeps `language` as an unknown attribute.
  const own = expression.language ?? expression.$attrs?.language;
  const declared = own ?? fileLanguage;
  const language = typeof declared === 'string' ? declared : undefined;
  const body = typeof expression.body === 'string' ? expression.body.trim() : '';
  // Modelers write XPath on <definitions> as a default nobody chose; a FEEL body is run as FEEL.
  const vendorDefault = own === undefined && language !== undefined && isXPath(language);
  if (vendorDefault && !/^[$#]\{/.test(body) && body !== '' && isFeel(body)) {
    return {
      condition: body.startsWith('=') ? body.slice(1).trim() : body,
      warning: {
        elementId: flowId,
        rule: 'engine/expression-language',
        message: `Sequence flow '${flowId}': the file declares '${language}' as its expression language, but the condition is FEEL and runs as FEEL`,
      },
    };
  }
  const juel = isJuel(body) && (!language || /juel/i.test(language) || vendorDefault);
  if (language && !/feel/i.test(language) && !juel) {
    return unsupported(flowId, `its condition is written in '${language}'; only FEEL is run`);
  }
  const translated = juel ? juelToFeel(body) : undefined;
  if (translated && 'refused' in translated) {
    return unsupported(
      flowId,
      `its condition '${body}' is JUEL with no FEEL equivalent (${translated.refused}); write it in FEEL`,
    );
  }
  const feel = translated ? translated.feel : body.startsWith('=') ? body.slice(1).trim() : body;
  if (feel === '') {
    return {
      code: 'BPMN_INVALID',
      problem: {
        elementId: flowId,
        rule: 'engine/feel',
        message: `Sequence flow '${flowId}' has an empty condition`,
      },
    };
  }
  const errorAt = syntaxErrorPosition(feel);
  if (errorAt !== undefined) {
    return {
      code: 'BPMN_INVALID',
      problem: {
        elementId: flowId,
        rule: 'engine/feel',
        message: `Sequence flow '${flowId}' has a condition that is not valid FEEL at character ${errorAt + 1}: '${feel}'`,
      },
    };
  }
  if (!translated) return { condition: feel };
  const site = { elementId: flowId, what: 'the condition' };
  return { condition: feel, warning: juelTranslated(site, body, feel) };
}

function unsupported(flowId: string, why: string) {
  return {
    code: 'BPMN_UNSUPPORTED' as const,
    problem: {
      elementId: flowId,
      rule: 'engine/expression-language',
      message: `Sequence flow '${flowId}' cannot run: ${why}`,
    },
  };
}

const isXPath = (language: string) => /xpath/i.test(language);

const isFeel = (body: string) =>
  syntaxErrorPosition(body.startsWith('=') ? body.slice(1).trim() : body) === undefined;

/** Where a FEEL expression stops parsing (0-based), or undefined when it parses. */
export function syntaxErrorPosition(feel: string): number | undefined {
  let position: number | undefined;
  parseExpression(feel, {}, undefined).iterate({
    enter(node) {
      if (node.type.isError && position === undefined) position = node.from;
    },
  });
  return position;
}
