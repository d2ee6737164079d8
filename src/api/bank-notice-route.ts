import express from 'express';
import { recordBankPayment, type BankNotice } from '../dossier/bank-payment';
import { AppError } from '../errors';
import type { Store } from '../store/store';
import { sendRefusal } from './http-refusal';
import { jsonObject, rawBody, signedBody } from './signed-body';

/**
 * `POST /payments/bank-notice`: a bank's notice of a transfer to an agency's account, signed
 * with the secret the office shares with it (BANK_NOTICE_SECRET): the header `X-Signature` is
 * `sha256=` and the hex HMAC-SHA256 of the body as sent. The body is JSON: `reference`,
 * `amount` (đồng) and `description` (the transfer's content, holding the dossier code). Answers
 * 200 with whether the payment was recorded now or already; 401 unsigned; 400 malformed or more
 * than is due; 404 no dossier code, or an unknown one; 409 a dossier whose status takes none.
 */
export function bankNoticeRoute(options: {
  store: Store;
  secret: string;
  now: () => Date;
}): express.Router {
  const router = express.Router();
  router.post('/payments/bank-notice', rawBody('16kb'), async (request, response, next) => {
    try {
      const body = signedBody(request, options.secret, 'notice');
      const result = await recordBankPayment(options.store, noticeOf(body), options.now());
      response.status(200).json(result);
    } catch (error) {
      sendRefusal(error, response, next);
    }
  });
  return router;
}

/** The notice's fields, each checked, the first wrong one named. */
function noticeOf(body: Buffer): BankNotice {
  const notice = jsonObject(body, 'notice');
  const text = (field: string, max: number) => {
    const value = notice[field];
    if (
      typeof value !== 'string' ||
      value.trim() === '' ||
      value.length > max ||
      value.includes('\0')
    )
      throw new AppError('BAD_USER_INPUT', `'${field}' must be text of 1 to ${max} characters`, {
        field,
      });
    return value.trim();
  };
  const amount = notice.amount;
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 1)
    throw new AppError('BAD_USER_INPUT', "'amount' must be a whole number of đồng above 0", {
      field: 'amount',
    });
  return { reference: text('reference', 64), amount, description: text('description', 255) };
}
