import { createInterface } from 'node:readline';
import type { Logger } from 'pino';
import { createFirstAdministrator } from '../auth/first-administrator';
import type { Config } from '../config';
import { onDatabase } from './on-database';

const USAGE = `Usage: tthc-engine first-admin <username> <agency code> [--name=<full name>]
         [--agency-name=<name> [--agency-kind=<kind>]]
  The password is read from the first line of standard input, never from the command line:
  printf '%s\\n' "$PASSWORD" | npm run first-admin -- ...`;

/**
 * `first-admin`: the database's first administrator (and their agency, when new). Refused once
 * an administrator exists. Returns the exit code.
 */
export async function firstAdminCommand(config: Config, logger: Logger, args: string[]) {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (const arg of args) {
    const option = /^--(name|agency-name|agency-kind)=(.+)$/.exec(arg);
    if (option) options.set(option[1], option[2]);
    else positional.push(arg);
  }
  if (positional.length !== 2 || positional.some((arg) => arg.startsWith('--'))) {
    console.error(USAGE);
    return 2;
  }
  const [username, agencyCode] = positional;
  const password = await firstLine(process.stdin);
  return onDatabase(config, logger, async (store) => {
    const officer = await createFirstAdministrator(
      store,
      {
        username,
        fullName: options.get('name') ?? username,
        password,
        agencyCode,
        agencyName: options.get('agency-name'),
        agencyKind: options.get('agency-kind'),
      },
      new Date(),
    );
    return `administrator '${officer.username}' made in agency '${agencyCode}'`;
  });
}

/** The first line of a stream (empty when it ends first). */
async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  const lines = createInterface({ input, terminal: false });
  try {
    for await (const line of lines) return line;
    return '';
  } finally {
    lines.close();
  }
}
