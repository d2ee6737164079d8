import { createHmac } from 'node:crypto';

/**
 * How the office signs what it sends and checks what it receives from a partner (the portal, a
 * bank): `sha256=` and the hex HMAC-SHA256 of the body as sent, with the secret they share.
 */
export function hmacSignature(secret: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
