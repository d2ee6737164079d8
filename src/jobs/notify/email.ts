import type { EmailSettings } from '../../config';
import nodemailer from 'nodemailer';
import { SendFailure, type Transport } from './transport';

/**
 * E-mail through the office's SMTP server. The message's id is made from the outbox row's, so a
 * message sent again after an unanswered try is the same message to the mail clients that
 * collapse duplicates.
 */
export function emailTransport(settings: EmailSettings): Transport {
  // Each try ends well within a runner's hold on the row (JOB_LOCK_SECONDS, 60 s by default):
  // another runner must not take it while the mail server is still reading it.
  const transporter = nodemailer.createTransport(settings.url, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  const domain = settings.from.match(/@([^>\s]+)/)?.[1] ?? 'localhost';
  return {
    async send(message) {
      try {
        const info = await transporter.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: `<${message.idempotencyKey}@${domain}>`,
        });
        return { providerId: info.messageId };
      } catch (error) {
        const { code, responseCode } = error as { code?: string; responseCode?: number };
        throw new SendFailure(
          `SMTP failed (${code ?? 'error'}${responseCode ? ` ${responseCode}` : ''})`,
        );
      }
    },
    close: () => transporter.close(),
  };
}
