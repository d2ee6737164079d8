import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn, validateBpmn } from '../../src/bpmn/compile';
import { simulate } from '../../src/engine/simulate';
it('probe', async () => {
  const root = '/work/shared/bpmn-corpus';
  const out: string[] = [];
  const runs: string[] = [];
  for (const folder of ['bpmn-elements', 'miwg-reference'])
    for (const f of readdirSync(path.join(root, folder)).filter((x) => x.endsWith('.bpmn')).sort()) {
      const bytes = readFileSync(path.join(root, folder, f));
      const { errors } = await validateBpmn(bytes);
      const rules = [...new Set(errors.map((e) => e.rule))].sort();
      out.push(`${folder}/${f}\t${JSON.stringify(rules)}\t${errors.map((e) => e.message).join(' | ').slice(0, 400)}`);
      if (rules.length === 0) {
        const { processes, warnings } = await compileBpmn(new TextDecoder().decode(bytes));
        const warns = [...new Set(warnings.map((w) => w.rule ?? '').filter((r) => r.startsWith('engine/')))].sort();
        try {
          const s = simulate(processes[0], { now: '2026-03-02T02:00:00.000Z' });
          runs.push(`${folder}/${f}\t${JSON.stringify(warns)}\t${JSON.stringify({ tasks: s.tasks, status: s.status, waitingAt: s.waitingAt })}`);
        } catch (e) {
          runs.push(`${folder}/${f}\t${JSON.stringify(warns)}\tERROR ${(e as Error).message}`);
        }
      }
    }
  writeFileSync('/tmp/probe/state.tsv', out.join('\n'));
  writeFileSync('/tmp/probe/runs.tsv', runs.join('\n'));
});
