/** The argument that names what a mutation is about, by the names our mutations use. */
const TARGET_ARGUMENTS = [
  'id',
  'taskId',
  'instanceId',
  'key',
  'username',
  'name',
  'code',
  'procedureCode',
];

export function auditTarget(args: Record<string, unknown>): string | null {
  for (const name of TARGET_ARGUMENTS) {
    const value = args[name];
    if (typeof value === 'string' && value !== '') return value.slice(0, 255);
  }
  const input = args.input;
  return typeof input === 'object' && input !== null
    ? auditTarget(input as Record<string, unknown>)
    : null;
}
