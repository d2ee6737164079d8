import { Kind, type GraphQLResolveInfo, type SelectionNode } from 'graphql';

/**
 * Whether the query selects a field of this resolver's result (directly or in a fragment): for
 * what costs a query of its own (a list's total count, a percentile), made only when asked.
 */
export function asksFor(info: GraphQLResolveInfo, field: string): boolean {
  const seen = (selections: readonly SelectionNode[]): boolean =>
    selections.some((node) =>
      node.kind === Kind.FIELD
        ? node.name.value === field
        : node.kind === Kind.INLINE_FRAGMENT
          ? seen(node.selectionSet.selections)
          : seen(info.fragments[node.name.value]?.selectionSet.selections ?? []),
    );
  return info.fieldNodes.some((node) => seen(node.selectionSet?.selections ?? []));
}
