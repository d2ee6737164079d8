import type { MiddlewareFn } from 'type-graphql';
import { auditTarget, recordAudit } from '../auth/audit';
import { authorize } from '../auth/policy';
import { AppError } from '../errors';
import type { ApiContext } from './context';

/**
 * Runs before every root query and mutation: the operation must be allowed by the policy
 * (src/auth/policy.ts); a mutation's outcome is then recorded in the audit log, refused or not.
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
  const audit = (outcome: string) =>
    recordAudit(context.dataSource, {
      at: context.now(),
      actor: principal?.username ?? (operation === 'login' ? auditTarget(args) : null),
      action: operation,
      target: auditTarget(args),
      outcome,
    }).catch((error: unknown) => context.logger.error({ err: error }, 'audit not recorded'));
  try {
    authorize(operation, principal, tokenError);
    const result: unknown = await next();
    await audit('OK');
    return result;
  } catch (error) {
    await audit(error instanceof AppError ? error.code : 'INTERNAL_SERVER_ERROR');
    throw error;
  }
};
