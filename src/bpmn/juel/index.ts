import { translateExpression } from './parser';

export type JuelTranslation = { feel: string } | { refused: string };

/** JUEL is written `${...}` (or `#{...}`, deferred: the same here). */
export const isJuel = (text: string): boolean => /[$#]\{/.test(text);

/**
 * Camunda 7 files write conditions, timers, assignments and mappings in JUEL. The simple part of
 * JUEL has a FEEL twin: names and property access, literals, comparisons, `&&` `||` `!`, `empty`,
 * arithmetic and `? :`. That part is translated once, at deploy, and the rest (method calls, the
 * engine's objects) is refused with the reason: the engine never runs foreign code. A text mixing
 * words and `${...}` (`PT${days}D`) becomes a FEEL string concatenation.
 */
export function juelToFeel(text: string): JuelTranslation {
  try {
    const parts = splitTemplate(text.trim());
    const feel = parts.map((part) =>
      part.kind === 'text' ? JSON.stringify(part.text) : translateExpression(part.source),
    );
    if (parts.length === 1 && parts[0].kind === 'expression') return { feel: unwrap(feel[0]) };
    return {
      feel: parts
        .map((part, i) => (part.kind === 'expression' ? `string(${feel[i]})` : feel[i]))
        .join(' + '),
    };
  } catch (error) {
    return { refused: error instanceof Error ? error.message : String(error) };
  }
}

type Part = { kind: 'text'; text: string } | { kind: 'expression'; source: string };

function splitTemplate(text: string): Part[] {
  const parts: Part[] = [];
  let rest = text;
  while (rest !== '') {
    const start = rest.search(/[$#]\{/);
    if (start < 0) {
      parts.push({ kind: 'text', text: rest });
      break;
    }
    if (start > 0) parts.push({ kind: 'text', text: rest.slice(0, start) });
    const end = closingBrace(rest, start + 2);
    const source = rest.slice(start + 2, end).trim();
    if (source === '') throw new Error('an expression is empty');
    parts.push({ kind: 'expression', source });
    rest = rest.slice(end + 1);
  }
  return parts;
}

/** The `}` that closes the expression opened before `from`, skipping braces inside strings. */
function closingBrace(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '{') throw new Error("an expression holds '{'");
    else if (char === '}') return i;
  }
  throw new Error("an expression is not closed with '}'");
}

/** The outer parentheses of a translated binary expression are not needed alone. */
function unwrap(feel: string): string {
  if (!feel.startsWith('(') || !feel.endsWith(')')) return feel;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < feel.length; i++) {
    const char = feel[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    if (char === '(') depth++;
    if (char === ')') depth--;
    // The first parenthesis closes before the end: it does not wrap the whole.
    if (depth === 0 && i < feel.length - 1) return feel;
  }
  return feel.slice(1, -1);
}
