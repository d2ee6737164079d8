import type { SmsSettings } from '../../config';
import { withoutMarks } from '../../dossier/without-marks';
import { postJson } from './http-post';
import type { Transport } from './transport';

/**
 * A brandname SMS provider's HTTP API, in the shape Vietnamese providers share: the number, the
 * content without Vietnamese marks (one plain SMS holds 160 of those, 70 with them), the
 * brandname, and a request id the provider refuses to send twice. Its answer carries the
 * message's id.
 */
export function smsTransport(settings: SmsSettings): Transport {
  return {
    async send(message) {
      const answer = await postJson(
        settings.url,
        {
          phone: message.to,
          content: withoutMarks(message.text),
          brandname: settings.brandname,
          requestId: message.idempotencyKey,
        },
        { authorization: `Bearer ${settings.apiKey}` },
        'SMS provider',
      );
      return { providerId: String(answer.messageId ?? message.idempotencyKey) };
    },
  };
}
