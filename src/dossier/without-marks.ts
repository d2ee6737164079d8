/**
 * Vietnamese written without its marks ("Hồ sơ đã tiếp nhận" → "Ho so da tiep nhan"): what a
 * bank's transfer content and a plain SMS carry, each allowing printable ASCII alone.
 */
export function withoutMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e\n]/g, '');
}
