import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { problemUserMessage } from '../../../src/api/problem-message';
import { PROJECT_ROOT } from '../../../src/config';

/** Every rule that can report a problem, read from the sources so a new one is not forgotten. */
function rulesInUse(): string[] {
  const engine = ['src/bpmn', 'src/store'].flatMap((dir) =>
    readdirSync(path.join(PROJECT_ROOT, dir))
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) => [
        ...readFileSync(path.join(PROJECT_ROOT, dir, file), 'utf8').matchAll(
          /'(engine\/[a-z-]+)'/g,
        ),
      ])
      .map((match) => match[1]),
  );
  const bpmnlint = readdirSync(path.join(PROJECT_ROOT, 'node_modules/bpmnlint/rules'))
    .filter((file) => file.endsWith('.js') && !['helper.js', 'global.js'].includes(file))
    .map((file) => `bpmnlint/${file.replace(/\.js$/, '')}`);
  return [...new Set([...engine, ...bpmnlint])].sort();
}

describe('problems in Vietnamese for the process designer', () => {
  it('has a sentence for every rule the engine and bpmnlint report', () => {
    const rules = rulesInUse();
    expect(rules.length).toBeGreaterThan(35);
    const generic = problemUserMessage({ message: 'x', elementId: 'Task_1', rule: 'nobody/knows' });
    const untranslated = rules.filter(
      (rule) => problemUserMessage({ message: 'x', elementId: 'Task_1', rule }) === generic,
    );
    expect(untranslated).toEqual([]);
  });

  it('names the element the problem is about', () => {
    expect(
      problemUserMessage({ message: 'no role', elementId: 'Task_Check', rule: 'engine/task-role' }),
    ).toBe(
      'Bước «Task_Check» chưa giao cho vai trò hoặc cán bộ nào; lãnh đạo cơ quan sẽ nhận để phân công.',
    );
  });
});
