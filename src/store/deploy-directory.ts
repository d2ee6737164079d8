import type { Store } from './store';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { deployBpmn, type DeployResult } from './deploy';
import { decodeBpmnFile } from '../bpmn/decode';
import { deployDmn, type DecisionDeployment } from './decisions';
import { deployTaskForm, type TaskFormDeployment } from './step-forms';

export interface DirectoryDeployment {
  /** Task forms (`*.form`), deployed first so the processes naming them find them. */
  forms: (TaskFormDeployment & { file: string })[];
  /** DMN decisions (`*.dmn`), deployed before the processes that evaluate them. */
  decisions: { file: string; result: DecisionDeployment }[];
  processes: { file: string; result: DeployResult }[];
}

/**
 * Deploys every `*.form`, then every `*.dmn`, then every `*.bpmn` under a folder, each kind in path order. Files
 * whose content is already deployed produce no new version. One invalid file stops the run with
 * its name in the error.
 */
export async function deployDirectory(
  store: Store,
  directory: string,
  now: () => Date,
): Promise<DirectoryDeployment> {
  const forms = [];
  for (const file of await filesUnder(directory, '.form')) {
    const text = await readFile(path.join(directory, file), 'utf8');
    forms.push({
      file,
      ...(await named(file, deployTaskForm(store, text, { source: file, now: now() }))),
    });
  }
  // Decisions before processes: a business rule task finds its decision deployed.
  const decisions = [];
  for (const file of await filesUnder(directory, '.dmn')) {
    const xml = decodeBpmnFile(await readFile(path.join(directory, file)));
    decisions.push({
      file,
      result: await named(file, deployDmn(store, xml, { source: file, now: now() })),
    });
  }
  const processes = [];
  for (const file of await filesUnder(directory, '.bpmn')) {
    const bytes = await readFile(path.join(directory, file));
    const deploying = async () =>
      deployBpmn(store, decodeBpmnFile(bytes), { source: file, now: now() });
    const result = await named(file, deploying());
    processes.push({ file, result });
  }
  return { forms, decisions, processes };
}

/** A failure says which file it came from. */
async function named<T>(file: string, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof Error) error.message = `${file}: ${error.message}`;
    throw error;
  }
}

/** The files under a folder with this ending, relative to it with forward slashes, in order. */
async function filesUnder(directory: string, ending: string): Promise<string[]> {
  return (await readdir(directory, { recursive: true }))
    .filter((file) => file.endsWith(ending))
    .sort()
    .map((file) => file.split(path.sep).join('/'));
}

/** Every `*.bpmn` file under a folder, as full paths, in path order. */
export async function bpmnFilesUnder(directory: string): Promise<string[]> {
  return (await filesUnder(directory, '.bpmn')).map((file) => path.join(directory, file));
}
