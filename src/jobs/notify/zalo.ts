import type { ZaloSettings } from '../../config';
import { errorCode, postJson } from './http-post';
import { SendFailure, type Transport } from './transport';

/**
 * A message from the office's Zalo official account through Zalo's notification service (ZNS):
 * sent to the citizen's phone number (international form, 84…), by a template Zalo approved,
 * with a tracking id. Zalo answers HTTP 200 with `error` 0 and the message's id, or another
 * `error` code.
 */
export function zaloTransport(settings: ZaloSettings): Transport {
  return {
    async send(message) {
      const answer = await postJson(
        settings.url,
        {
          phone: internationalNumber(message.to),
          template_id: settings.templateId,
          template_data: { dossier_code: message.dossierCode, message: message.text },
          tracking_id: message.idempotencyKey,
        },
        { access_token: settings.accessToken },
        'Zalo',
      );
      if (answer.error !== 0) throw new SendFailure(`Zalo refused it (error ${errorCode(answer)})`);
      const data = (answer.data ?? {}) as { msg_id?: unknown };
      return { providerId: String(data.msg_id ?? message.idempotencyKey) };
    },
  };
}

/** 0912 345 678 → 84912345678. */
function internationalNumber(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}
