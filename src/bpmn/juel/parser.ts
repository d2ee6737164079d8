import { tokenize, type Token } from './tokens';

/** JUEL's word operators and the symbols they stand for. */
const WORDS: Record<string, string> = {
  and: '&&',
  or: '||',
  not: '!',
  eq: '==',
  ne: '!=',
  lt: '<',
  gt: '>',
  le: '<=',
  ge: '>=',
  div: '/',
  mod: '%',
};

/** Binary operators from the loosest to the tightest, with their FEEL form. */
const LEVELS: Record<string, string>[] = [
  { '||': 'or' },
  { '&&': 'and' },
  { '==': '=', '!=': '!=' },
  { '<': '<', '>': '>', '<=': '<=', '>=': '>=' },
  { '+': '+', '-': '-' },
  { '*': '*', '/': '/', '%': 'modulo' },
];

/** The engine's own objects in Camunda 7: their meaning cannot be carried over. */
const ENGINE_OBJECTS = new Set(['execution', 'task', 'variables', 'environment', 'connector']);

/**
 * Translates the inside of one `${...}` into FEEL, by precedence climbing over JUEL's grammar.
 * Throws an Error naming what has no FEEL meaning here (a method call, an engine object...).
 */
export function translateExpression(source: string): string {
  const parser = new Parser(tokenize(source));
  const feel = parser.ternary();
  parser.expectEnd();
  return feel;
}

class Parser {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  ternary(): string {
    const condition = this.binary(0);
    if (!this.take('?')) return condition;
    const then = this.ternary();
    if (!this.take(':')) throw new Error("a '?' has no ':'");
    return `(if ${condition} then ${then} else ${this.ternary()})`;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw new Error(`'${describe(token)}' is not expected here`);
  }

  private binary(level: number): string {
    if (level === LEVELS.length) return this.unary();
    let left = this.binary(level + 1);
    for (let op = this.operatorAt(level); op; op = this.operatorAt(level)) {
      this.at++;
      const right = this.binary(level + 1);
      const feel = LEVELS[level][op];
      left = feel === 'modulo' ? `modulo(${left}, ${right})` : `(${left} ${feel} ${right})`;
    }
    return left;
  }

  private unary(): string {
    if (this.take('!')) return `not(${this.unary()})`;
    if (this.take('-')) return `(-${this.unary()})`;
    if (this.takeName('empty')) {
      const value = this.unary();
      // JUEL's empty: null, an empty text, an empty list or an empty map.
      return `(${value} = null or (${value} instance of string and ${value} = "") or (${value} instance of list and count(${value}) = 0) or (${value} instance of context and count(get entries(${value})) = 0))`;
    }
    return this.postfix();
  }

  private postfix(): string {
    let value = this.primary();
    for (;;) {
      if (this.peekOp('(')) throw new Error(`'${value}(...)' calls a method or function`);
      if (this.take('.')) {
        const name = this.next();
        if (name.kind !== 'name') throw new Error("a '.' is not followed by a property name");
        if (this.peekOp('(')) throw new Error(`'${value}.${name.text}(...)' calls a method`);
        value = `${value}.${name.text}`;
      } else if (this.take('[')) {
        const key = this.next();
        if (!this.take(']')) throw new Error("a '[' is not closed");
        value = indexed(value, key);
      } else return value;
    }
  }

  private primary(): string {
    const token = this.next();
    if (token.kind === 'number') return token.text;
    if (token.kind === 'string') return JSON.stringify(token.value);
    if (token.kind === 'op' && token.text === '(') {
      const inner = this.ternary();
      if (!this.take(')')) throw new Error("a '(' is not closed");
      return inner;
    }
    if (token.kind === 'name') {
      if (['true', 'false', 'null'].includes(token.text)) return token.text;
      if (ENGINE_OBJECTS.has(token.text))
        throw new Error(`'${token.text}' is an object of the engine the file was written for`);
      if (token.text in WORDS || token.text === 'empty' || token.text === 'instanceof')
        throw new Error(`'${token.text}' is misplaced`);
      if (token.text.includes('$')) throw new Error(`'${token.text}' is not a variable name`);
      return token.text;
    }
    throw new Error(
      token.kind === 'end' ? 'the expression ends too soon' : `'${describe(token)}' is misplaced`,
    );
  }

  private operatorAt(level: number): string | undefined {
    const token = this.peek();
    const symbol =
      token.kind === 'op' ? token.text : token.kind === 'name' ? WORDS[token.text] : undefined;
    return symbol !== undefined && symbol in LEVELS[level] ? symbol : undefined;
  }

  private take(op: string): boolean {
    const token = this.peek();
    const symbol =
      token.kind === 'op' ? token.text : token.kind === 'name' ? WORDS[token.text] : '';
    if (symbol !== op) return false;
    this.at++;
    return true;
  }

  private takeName(name: string): boolean {
    const token = this.peek();
    if (token.kind !== 'name' || token.text !== name) return false;
    this.at++;
    return true;
  }

  private peekOp(op: string): boolean {
    const token = this.peek();
    return token.kind === 'op' && token.text === op;
  }

  private peek(): Token {
    return this.tokens[this.at];
  }

  private next(): Token {
    return this.tokens[this.at++] ?? { kind: 'end' };
  }
}

/** `a["b"]` reads a property; `a[0]` an item (FEEL counts from 1). */
function indexed(value: string, key: Token): string {
  if (key.kind === 'string' && /^[A-Za-z_]\w*$/.test(key.value)) return `${value}.${key.value}`;
  if (key.kind === 'number' && /^\d+$/.test(key.text)) return `${value}[${Number(key.text) + 1}]`;
  throw new Error(`'${value}[...]' is indexed by something other than a name or a position`);
}

function describe(token: Token): string {
  if (token.kind === 'end') return 'the end';
  if (token.kind === 'string') return JSON.stringify(token.value);
  return token.text;
}
