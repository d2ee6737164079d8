/** Escapes text for HTML: every value a form prints goes through here. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** A tagged template that escapes every interpolated value, except parts marked `raw`. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0];
  values.forEach((value, index) => {
    out += render(value) + strings[index + 1];
  });
  return new Raw(out);
}

export class Raw {
  constructor(readonly text: string) {}
}

function render(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(value);
}

/** A date and time as officers write it: 09 giờ 00, ngày 02/03/2026 (office time). */
export function vnDateTime(iso: string | Date | null | undefined, utcOffsetMinutes = 420): string {
  if (!iso) return '';
  const local = new Date(new Date(iso).getTime() + utcOffsetMinutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(local.getUTCHours())} giờ ${pad(local.getUTCMinutes())}, ngày ${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** Đồng, with dots between thousands: 16.000 đồng. */
export function vnMoney(amount: number): string {
  return `${amount.toLocaleString('vi-VN')} đồng`;
}
