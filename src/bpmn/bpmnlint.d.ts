// The part of bpmnlint's API we use (its own types are not exported from the package root).
declare module 'bpmnlint' {
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
  }
  export class Linter {
    constructor(options: {
      config: { extends?: string | string[]; rules?: Record<string, string> };
      resolver: unknown;
    });
    lint(definitions: unknown): Promise<Record<string, LintReport[]>>;
  }
}
declare module 'bpmnlint/lib/resolver/node-resolver' {
  const NodeResolver: new () => unknown;
  export = NodeResolver;
}
