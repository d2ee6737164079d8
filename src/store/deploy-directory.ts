import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { deployBpmn, type DeployResult } from './deploy';

export interface DirectoryDeployment {
  /** The file's path relative to the folder, with forward slashes. */
  file: string;
  result: DeployResult;
}

/**
 * Deploys every `*.bpmn` under a folder, in path order. Files whose content is already deployed
 * produce no new version. One invalid file stops the run with its name in the error.
 */
export async function deployDirectory(
  dataSource: DataSource,
  directory: string,
  now: () => Date,
): Promise<DirectoryDeployment[]> {
  const files = (await bpmnFilesUnder(directory)).map((file) =>
    path.relative(directory, file).split(path.sep).join('/'),
  );
  const deployed: DirectoryDeployment[] = [];
  for (const file of files) {
    const xml = await readFile(path.join(directory, file), 'utf8');
    try {
      deployed.push({
        file,
        result: await deployBpmn(dataSource, xml, { source: file, now: now() }),
      });
    } catch (error) {
      if (error instanceof Error) error.message = `${file}: ${error.message}`;
      throw error;
    }
  }
  return deployed;
}

/** Every `*.bpmn` file under a folder, as full paths, in path order. */
export async function bpmnFilesUnder(directory: string): Promise<string[]> {
  return (await readdir(directory, { recursive: true }))
    .filter((file) => file.endsWith('.bpmn'))
    .sort()
    .map((file) => path.join(directory, file));
}
