import type { GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { auditReason, auditTarget } from '../auth/audit';
import { recordAudit } from '../store/audit';
import { authorize } from '../auth/policy';
import { AppError } from '../errors';
import type { ApiContext } from './context';
import { refuseOffNational } from './national-reporting';

type RootResolver = GraphQLFieldResolver<unknown, ApiContext, Record<string, unknown>>;

/**
 * Puts `authorizeAndAudit` before every root query and mutation of the schema. Only there: a
 * middleware for every field (type-graphql's global middlewares) made each field of each row of
 * a list a promise of its own, which cost a list of 50 tasks more than its query. On a national
 * reporting server, what it does not answer is refused first (see national-reporting.ts).
 */
export function authorizeRootFields(
  schema: GraphQLSchema,
  options: { nationalReporting?: boolean } = {},
): GraphQLSchema {
  const roots = [schema.getQueryType(), schema.getMutationType()];
  for (const root of roots.filter((type): type is GraphQLObjectType => Boolean(type))) {
    for (const field of Object.values(root.getFields())) {
      const resolve = (field.resolve ?? ((source: unknown) => source)) as RootResolver;
      field.resolve = (source, args, context, info) =>
        authorizeAndAudit(root.name, info.fieldName, args, context, options, () =>
          resolve(source, args, context, info),
        );
    }
  }
  return schema;
}

/**
 * Runs before every root query and mutation: the operation must be allowed by the policy
 * (src/auth/policy.ts); a mutation's outcome is recorded in the audit log, refused or not — a
 * success in the same transaction as the change it records (see Store.riding).
 */
async function authorizeAndAudit(
  root: string,
  operation: string,
  args: Record<string, unknown>,
  context: ApiContext,
  options: { nationalReporting?: boolean },
  next: () => unknown,
): Promise<unknown> {
  const { principal, tokenError } = context.auth;
  const check = () => {
    if (options.nationalReporting) refuseOffNational(operation, args);
    authorize(operation, principal, tokenError);
  };
  if (root === 'Query') {
    check();
    return next();
  }
  const event = {
    at: context.now(),
    actor: principal?.username ?? (operation === 'login' ? auditTarget(args) : null),
    action: operation,
    target: auditTarget(args),
    reason: auditReason(args),
  };
  const audit = (outcome: string) =>
    recordAudit(context.store, { ...event, outcome }).catch((error: unknown) =>
      context.logger.error({ err: error }, 'audit not recorded'),
    );
  try {
    check();
    // Its row commits with the mutation's (first) transaction; one that wrote nothing gets its own.
    // Mutations run one after another, so the request's store can be the riding one meanwhile.
    const own = context.store;
    const riding = own.riding((tx) => recordAudit(tx, { ...event, outcome: 'OK' }));
    context.store = riding;
    let result: unknown;
    try {
      result = await next();
    } finally {
      context.store = own;
    }
    if (!riding.rode) await audit('OK');
    return result;
  } catch (error) {
    // A refusal, or a failure after a first transaction committed (its OK row stays): recorded.
    await audit(error instanceof AppError ? error.code : 'INTERNAL_SERVER_ERROR');
    throw error;
  }
}
