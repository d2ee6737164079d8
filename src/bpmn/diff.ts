import type { ProcessModel } from './model';

/** One element that differs between two versions of a process. */
export interface ModelChange {
  elementId: string;
  change: 'ADDED' | 'REMOVED' | 'CHANGED';
  /** What it is: a flow node's type, `sequenceFlow`, or `process` for the procedure's own data. */
  kind: string;
  name: string | null;
}

/**
 * What changed from one version of a process to the next, as a designer reviews it: elements
 * added, removed, or changed in anything the engine runs by (names, roles, agencies, budgets,
 * forms, conditions, connections), and the procedure's own data.
 */
export function diffModels(before: ProcessModel, after: ProcessModel): ModelChange[] {
  const changes: ModelChange[] = [];
  const { nodes: _n1, flows: _f1, ...processBefore } = before;
  const { nodes: _n2, flows: _f2, ...processAfter } = after;
  if (stable(processBefore) !== stable(processAfter)) {
    changes.push({
      elementId: after.key,
      change: 'CHANGED',
      kind: 'process',
      name: after.name ?? null,
    });
  }
  const compare = (
    old: Record<string, { id: string; name?: string }>,
    next: Record<string, { id: string; name?: string }>,
    kindOf: (element: object) => string,
  ) => {
    for (const id of new Set([...Object.keys(old), ...Object.keys(next)])) {
      const a = old[id];
      const b = next[id];
      const element = b ?? a;
      const change = !a
        ? 'ADDED'
        : !b
          ? 'REMOVED'
          : stable(a) !== stable(b)
            ? 'CHANGED'
            : undefined;
      if (change)
        changes.push({ elementId: id, change, kind: kindOf(element), name: element.name ?? null });
    }
  };
  compare(before.nodes, after.nodes, (node) => (node as { type: string }).type);
  compare(before.flows, after.flows, () => 'sequenceFlow');
  return changes;
}

/** JSON with keys in order, so that equal content compares equal. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => a.localeCompare(b)))
      : item,
  );
}
