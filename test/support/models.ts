import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../../src/bpmn/compile';
import type { ProcessModel } from '../../src/bpmn/model';

export const PROJECT_ROOT = path.resolve(__dirname, '../..');

export function readProjectFile(relative: string): string {
  return readFileSync(path.join(PROJECT_ROOT, relative), 'utf8');
}

/** Compiles a BPMN file of the project and returns its only process. */
export async function modelFrom(relative: string): Promise<ProcessModel> {
  return modelOf(readProjectFile(relative));
}

export async function modelOf(xml: string): Promise<ProcessModel> {
  const { processes } = await compileBpmn(xml);
  if (processes.length !== 1) throw new Error(`expected one process, got ${processes.length}`);
  return processes[0];
}
