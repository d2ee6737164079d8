import { AppError, type Problem } from '../errors';

/** Collects every problem of a file, so that a designer sees them all at once. */
export class Findings {
  readonly errors: { code: 'BPMN_INVALID' | 'BPMN_UNSUPPORTED'; problem: Problem }[] = [];
  readonly warnings: Problem[] = [];

  add(code: 'BPMN_INVALID' | 'BPMN_UNSUPPORTED', problem: Problem): void {
    this.errors.push({ code, problem });
  }

  invalid(message: string, elementId?: string, rule = 'engine/valid'): void {
    this.add('BPMN_INVALID', { message, elementId, rule });
  }

  unsupported(message: string, elementId?: string): void {
    this.add('BPMN_UNSUPPORTED', { message, elementId, rule: 'engine/supported' });
  }

  warn(message: string, elementId?: string, rule = 'engine/advice'): void {
    this.warnings.push({ message, elementId, rule });
  }

  /** Throws one error naming every problem; invalid files outrank unsupported ones. */
  throwIfAny(): void {
    if (this.errors.length === 0) return;
    const code = this.errors.some((e) => e.code === 'BPMN_INVALID')
      ? 'BPMN_INVALID'
      : 'BPMN_UNSUPPORTED';
    const problems = this.errors.map((e) => e.problem);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : '';
    throw new AppError(code, `${problems[0].message}${more}`, {
      elementId: problems[0].elementId,
      problems,
      warnings: this.warnings,
    });
  }
}
