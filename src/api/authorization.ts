import type { MiddlewareFn } from 'type-graphql';
import { auditTarget } from '../auth/audit';
import { recordAudit } from '../store/audit';
import { authorize } from '../auth/policy';
import { AppError } from '../errors';
import type { ApiContext } from './context';

/**
 * Runs before every root query and mutation: the operation must be allowed by the policy
 * (src/auth/policy.ts); a mutation's outcome is recorded in the audit log, refused or not — a
 * success in the same transaction as the change it records (see Store.riding).
 */
export const authorizeAndAudit: MiddlewareFn<ApiContext> = async (
  { info, args, context },
  next,
) => {
  const root = info.parentType.name;
  if (root !== 'Query' && root !== 'Mutation') return next();
  const operation = info.fieldName;
  const { principal, tokenError } = context.auth;
  if (root === 'Query') {
    authorize(operation, principal, tokenError);
    return next();
  }
  const event = {
    at: context.now(),
    actor: principal?.username ?? (operation === 'login' ? auditTarget(args) : null),
    action: operation,
    target: auditTarget(args),
  };
  const audit = (outcome: string) =>
    recordAudit(context.store, { ...event, outcome }).catch((error: unknown) =>
      context.logger.error({ err: error }, 'audit not recorded'),
    );
  try {
    authorize(operation, principal, tokenError);
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
};
