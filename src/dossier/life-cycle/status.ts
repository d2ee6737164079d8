/**
 * The national status codes a dossier is synchronized with (DOMAIN.md), with the words the
 * citizen and the officer read.
 */
export const DOSSIER_STATUS = {
  REGISTERED: 1,
  RECEIVED: 2,
  REFUSED: 3,
  IN_PROGRESS: 4,
  SUPPLEMENT_REQUESTED: 5,
  PAYMENT_REQUESTED: 6,
  WITHDRAWAL_REQUESTED: 7,
  STOPPED: 8,
  PROCESSED: 9,
  RETURNED: 10,
} as const;

export type DossierStatusName = keyof typeof DOSSIER_STATUS;

export const STATUS_LABELS: Record<number, string> = {
  1: 'Mới đăng ký',
  2: 'Đã tiếp nhận',
  3: 'Từ chối tiếp nhận',
  4: 'Đang giải quyết',
  5: 'Yêu cầu bổ sung hồ sơ',
  6: 'Yêu cầu thực hiện nghĩa vụ tài chính',
  7: 'Công dân yêu cầu rút hồ sơ',
  8: 'Dừng xử lý',
  9: 'Đã xử lý xong',
  10: 'Đã trả kết quả',
};

export function statusName(code: number): DossierStatusName {
  const found = (Object.keys(DOSSIER_STATUS) as DossierStatusName[]).find(
    (name) => DOSSIER_STATUS[name] === code,
  );
  if (!found) throw new Error(`no dossier status ${code}`);
  return found;
}
