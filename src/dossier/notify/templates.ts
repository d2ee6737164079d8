import { AppError } from '../../errors';
import type { NotificationEvent } from '../../store/entities';

/** The turns a citizen is told of, in the order a dossier meets them. */
export const NOTIFICATION_EVENTS: NotificationEvent[] = [
  'RECEIVED',
  'SUPPLEMENT',
  'PAYMENT',
  'APPOINTMENT',
  'RESULT',
  'REFUSED',
];

/** What a template may say, each filled from the dossier when the message is sent. */
export const PLACEHOLDERS = {
  code: 'the dossier code',
  procedure: "the procedure's name",
  agency: 'the agency that received it',
  appointment: 'the appointment (dd/mm/yyyy hh:mm, office time)',
  amount: 'the fees still due, in đồng',
  status: "the dossier's status, in words",
} as const;

export type Placeholder = keyof typeof PLACEHOLDERS;

/** The wording used until an administrator sets another (Vietnamese: the citizen reads it). */
export const DEFAULT_TEMPLATES: Record<NotificationEvent, string> = {
  RECEIVED:
    '{agency} đã tiếp nhận hồ sơ {code} ({procedure}). Ngày hẹn trả kết quả: {appointment}.',
  SUPPLEMENT:
    'Hồ sơ {code} cần bổ sung giấy tờ. Đề nghị ông/bà xem phiếu yêu cầu bổ sung và liên hệ {agency}.',
  PAYMENT: 'Hồ sơ {code}: đề nghị ông/bà nộp phí, lệ phí {amount} đồng.',
  APPOINTMENT: 'Hồ sơ {code} có ngày hẹn trả kết quả mới: {appointment}.',
  RESULT: 'Hồ sơ {code} đã có kết quả. Mời ông/bà nhận kết quả tại {agency}.',
  REFUSED: '{agency} từ chối tiếp nhận hồ sơ {code}. Lý do ghi trong phiếu từ chối.',
};

/** Long enough for an e-mail's few lines; an SMS provider splits what passes 160 characters. */
export const TEMPLATE_MAX = 500;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Refuses a template that could not be sent as written, naming what is wrong. */
export function checkTemplate(text: string): string {
  const field = { field: 'text' };
  if (text.trim() === '' || text.length > TEMPLATE_MAX || text.includes('\0')) {
    throw new AppError('BAD_USER_INPUT', `A template is 1 to ${TEMPLATE_MAX} characters`, field);
  }
  for (const [, name] of text.matchAll(PLACEHOLDER)) {
    if (!(name in PLACEHOLDERS)) {
      throw new AppError(
        'BAD_USER_INPUT',
        `'{${name}}' is not a placeholder; use ${Object.keys(PLACEHOLDERS)
          .map((known) => `{${known}}`)
          .join(', ')}`,
        field,
      );
    }
  }
  return text.trim();
}

/** The template with its placeholders filled. */
export function renderTemplate(text: string, values: Record<Placeholder, string>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as Placeholder] : whole,
  );
}
