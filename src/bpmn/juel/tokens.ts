/** A token of a JUEL expression: what the parser reads. */
export type Token =
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'name'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'end' };

const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '!', '<', '>', '+', '-', '*', '/', '%'];
const PUNCTUATION = '?:().[],';

/** Splits the inside of `${...}` into tokens, or throws an Error saying what it could not read. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    const number = /^(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/.exec(rest);
    const name = /^[A-Za-z_$][\w$]*/.exec(rest);
    const operator = OPERATORS.find((op) => rest.startsWith(op));
    if (space) at += space[0].length;
    else if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      at += number[0].length;
    } else if (name) {
      tokens.push({ kind: 'name', text: name[0] });
      at += name[0].length;
    } else if (rest[0] === '"' || rest[0] === "'") {
      const { value, length } = readString(rest);
      tokens.push({ kind: 'string', value });
      at += length;
    } else if (operator || PUNCTUATION.includes(rest[0])) {
      const text = operator ?? rest[0];
      tokens.push({ kind: 'op', text });
      at += text.length;
    } else {
      throw new Error(`'${rest[0]}' cannot be read`);
    }
  }
  tokens.push({ kind: 'end' });
  return tokens;
}

/** A quoted string with JUEL's backslash escapes; its value and how many characters it took. */
function readString(text: string): { value: string; length: number } {
  const quote = text[0];
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i];
    if (char === quote) return { value, length: i + 1 };
    if (char === '\\' && i + 1 < text.length) {
      value += text[++i];
      continue;
    }
    value += char;
  }
  throw new Error('a string is not closed');
}
