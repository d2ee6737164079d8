import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { validateBpmn } from '../../src/bpmn/compile';
it('probe', async () => {
  const root = '/work/shared/bpmn-corpus';
  const out: string[] = [];
  for (const folder of ['bpmn-elements', 'miwg-reference'])
    for (const f of readdirSync(path.join(root, folder))
      .filter((x) => x.endsWith('.bpmn'))
      .sort()) {
      const { errors } = await validateBpmn(readFileSync(path.join(root, folder, f), 'utf8'));
      for (const e of errors) out.push(`${folder}/${f}\t${e.rule}\t${e.message}`);
    }
  writeFileSync('/tmp/probe/errors.tsv', out.join('\n'));
});
