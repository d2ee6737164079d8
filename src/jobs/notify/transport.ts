import type { NotificationChannel } from '../../store/entities';

/** One message to one citizen, with the key a provider recognizes a retry of it by. */
export interface OutgoingMessage {
  to: string;
  dossierCode: string;
  subject: string;
  text: string;
  /** The outbox row's id: the same message tried again carries the same key. */
  idempotencyKey: string;
}

/** Hands a message to a provider; answers the provider's id for it, or throws a SendFailure. */
export interface Transport {
  send(message: OutgoingMessage): Promise<{ providerId: string }>;
  close?(): void;
}

export type Transports = Partial<Record<NotificationChannel, Transport>>;

/**
 * A provider refused or could not be reached. Its message names the provider's answer (an HTTP
 * status, an SMTP code, the provider's error code), never the citizen's number or address, since
 * it is logged and stored with the row.
 */
export class SendFailure extends Error {}
