import { readFile } from 'node:fs/promises';
import { validateBpmn } from '../bpmn/compile';
import type { Problem } from '../errors';

/**
 * `npm run lint:bpmn -- <files>`: every problem of each file, errors then warnings, one line
 * each. Returns the number of errors, so the command can fail when there are any.
 */
export async function lintBpmnFiles(
  files: string[],
  print: (line: string) => void,
): Promise<number> {
  let errorCount = 0;
  for (const file of files) {
    const { errors, warnings } = await validateBpmn(await readFile(file));
    errorCount += errors.length;
    const line = (severity: string) => (problem: Problem) =>
      print(
        `${file}: ${severity} ${problem.rule ?? ''} ${problem.elementId ?? '-'}: ${problem.message}`,
      );
    errors.forEach(line('error  '));
    warnings.forEach(line('warning'));
    print(`${file}: ${errors.length} error(s), ${warnings.length} warning(s)`);
  }
  return errorCount;
}
