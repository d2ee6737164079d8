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

/** The reason a mutation gives, as the audit log keeps it: at most 500 characters, no NUL. */
export function auditReason(args: Record<string, unknown>): string | null {
  const value = args.reason ?? (args.input as Record<string, unknown> | undefined)?.reason;
  if (typeof value !== 'string') return null;
  const reason = value.replaceAll('\0', '').trim().slice(0, 500);
  return reason === '' ? null : reason;
}

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
