/**
 * An EMVCo QR payload read back into its data objects (ID, two-digit length, value), the
 * templates given as their IDs read alike: a reader written apart from the encoder, for tests.
 */
export type EmvObjects = { [id: string]: string | EmvObjects };

const TEMPLATES: Record<string, string[]> = { '': ['38', '62'], '38': ['01'] };

export function readEmvQr(payload: string, template = ''): EmvObjects {
  const objects: EmvObjects = {};
  let at = 0;
  while (at < payload.length) {
    const id = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(length) || at + 4 + length > payload.length)
      throw new Error(`not an EMVCo payload at ${at}: ${payload.slice(at)}`);
    const value = payload.slice(at + 4, at + 4 + length);
    const nested = TEMPLATES[template]?.includes(id);
    objects[id] = nested ? readEmvQr(value, template === '' ? id : `${template}.${id}`) : value;
    at += 4 + length;
  }
  return objects;
}
