import { OFFICE_TIME_ZONE } from '../../config';
import { definitionById } from '../../store/definitions';
import { savedTemplates } from '../../store/dispatch';
import { dossierByCode } from '../../store/dossiers';
import type { DispatchEntity, NotificationChannel, NotificationEvent } from '../../store/entities';
import { agencyByCode } from '../../store/officers';
import type { Store } from '../../store/store';
import { STATUS_LABELS } from '../life-cycle/status';
import { amountDueOf } from '../public-status';
import { contactFor } from './choice';
import { DEFAULT_TEMPLATES, renderTemplate } from './templates';

/** A notification ready for its channel, or why it is not sent. */
export type Composed =
  | { send: true; channel: NotificationChannel; to: string; subject: string; text: string }
  | { send: false; reason: string };

/**
 * The message of a notification row, written when it is sent from the dossier as it is then: a
 * citizen who opted out since is not told, and the figures (the appointment, what is due) are
 * the latest.
 */
export async function composeNotification(
  store: Store,
  row: DispatchEntity,
  templates: Map<NotificationEvent, string>,
): Promise<Composed> {
  const dossier = await dossierByCode(store, row.dossierCode);
  if (!dossier) return { send: false, reason: 'the dossier is gone' };
  const channel = dossier.notifyBy;
  if (!channel) return { send: false, reason: 'the citizen opted out' };
  const to = contactFor(dossier.applicant, channel);
  if (!to) return { send: false, reason: `no ${channel} contact` };
  const [agency, definition, amountDue] = await Promise.all([
    agencyByCode(store, dossier.agencyCode),
    definitionById(store, dossier.definitionId),
    amountDueOf(store, dossier),
  ]);
  const event = row.event as NotificationEvent;
  const agencyName = agency?.name ?? dossier.agencyCode;
  const text = renderTemplate(templates.get(event) ?? DEFAULT_TEMPLATES[event], {
    code: dossier.code,
    procedure: definition.name ?? dossier.procedureKey,
    agency: agencyName,
    appointment: officeTime(dossier.appointmentAt ?? row.appointmentAt),
    amount: amountDue.toLocaleString('vi-VN'),
    status: STATUS_LABELS[dossier.statusCode] ?? '',
  });
  return { send: true, channel, to, subject: `${agencyName}: hồ sơ ${dossier.code}`, text };
}

/** The templates in force: the administrator's, else the defaults. */
export async function templatesInForce(store: Store): Promise<Map<NotificationEvent, string>> {
  const saved = await savedTemplates(store);
  return new Map(saved.map((template) => [template.event, template.text]));
}

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: OFFICE_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** `hh:mm dd/mm/yyyy` in office time, as Vietnamese papers write it. */
function officeTime(at: Date | null): string {
  if (!at) return 'chưa có';
  const part = Object.fromEntries(TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.hour}:${part.minute} ngày ${part.day}/${part.month}/${part.year}`;
}
