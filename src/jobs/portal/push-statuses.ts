import type { PortalSettings } from '../../config';
import { STATUS_LABELS } from '../../dossier/life-cycle/status';
import { definitionById } from '../../store/definitions';
import { acknowledgePortalRow } from '../../store/dispatch';
import { dossierByCode } from '../../store/dossiers';
import type { DispatchEntity } from '../../store/entities';
import type { Store } from '../../store/store';
import { runDispatchRound, type DispatchRound } from '../dispatch-round';
import { hmacSignature } from '../hmac-signature';
import { postJson } from '../notify/http-post';

/**
 * The portal is never given up on: after five failed tries an incident tells the office, and
 * the row is tried on, at most an hour apart, until the portal acknowledges it.
 */
const PORTAL_POLICY = { topic: 'PORTAL', attemptsBeforeIncident: 5, giveUp: false } as const;

/**
 * Pushes the dossiers' status changes to the portal, each dossier's in their order, signed
 * (`X-Signature`, see hmacSignature) with the row's id as `Idempotency-Key`. A 2xx answer is
 * the acknowledgement; anything else is tried again later.
 */
export function pushDueStatuses(
  store: Store,
  portal: PortalSettings,
  round: DispatchRound,
): Promise<number> {
  const policy = {
    ...PORTAL_POLICY,
    settle: (tx: Store, row: DispatchEntity, changes: object) =>
      acknowledgePortalRow(tx, row, round.holder, changes),
  };
  return runDispatchRound(store, policy, round, async (row) => {
    const body = JSON.stringify(await statusPush(store, row));
    const answer = await postJson(
      portal.url,
      body,
      { 'x-signature': hmacSignature(portal.secret, body), 'idempotency-key': row.id },
      'The portal',
    );
    return { outcome: 'SENT', providerId: typeof answer.id === 'string' ? answer.id : null };
  });
}

/** What the portal is told of one change: the dossier, the status, the times as they were. */
export async function statusPush(store: Store, row: DispatchEntity) {
  const dossier = await dossierByCode(store, row.dossierCode);
  const definition = dossier ? await definitionById(store, dossier.definitionId) : null;
  return {
    dossierCode: row.dossierCode,
    sequence: Number(row.seq),
    procedureCode: definition?.procedureCode ?? null,
    agencyCode: dossier?.agencyCode ?? null,
    // STATUS: the status changed; APPOINTMENT: only the appointment moved (a pause, Form 04).
    change: row.event,
    statusCode: row.statusCode,
    statusName: STATUS_LABELS[row.statusCode],
    changedAt: row.createdAt.toISOString(),
    receivedAt: dossier?.receivedAt.toISOString() ?? null,
    appointmentAt: row.appointmentAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    returnedAt: row.returnedAt?.toISOString() ?? null,
  };
}
