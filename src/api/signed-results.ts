import { lastSignedResult } from '../store/signed-results';
import type { ApiContext } from './context';
import type { SignedResult } from './types/signed-result.type';

/** Where a dossier's signed PDF downloads (see signed-result-route.ts). */
export function signedResultPath(code: string): string {
  return `/results/${encodeURIComponent(code)}/signed.pdf`;
}

/** The dossier's last signed result, verified now; null when none was signed. */
export async function signedResultOf(
  context: Pick<ApiContext, 'store' | 'results'>,
  code: string,
): Promise<SignedResult | null> {
  const stored = await lastSignedResult(context.store, code);
  if (!stored) return null;
  const verification = context.results.verifyStored(stored.id, stored.pdf);
  return {
    signedBy: verification.signedBy ?? stored.signerName,
    signedAt: verification.signedAt ?? stored.signedAt,
    valid: verification.valid,
    problem: verification.valid ? null : verification.reason,
    downloadPath: signedResultPath(code),
  };
}
