import type { Applicant } from '../store/entities';

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phúc',
  'Quỳnh',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trung',
  'Vy',
  'Yến',
];

/**
 * A made-up citizen of the demo commune, the same for the same number: names drawn from common
 * Vietnamese ones, an ID number that is not a real one (the 999 prefix is no province's), a
 * village of the commune.
 */
export function applicantOf(index: number): Applicant {
  const name = `${FAMILY[index % FAMILY.length]} ${MIDDLE[(index * 7) % MIDDLE.length]} ${GIVEN[(index * 13) % GIVEN.length]}`;
  return {
    kind: 'INDIVIDUAL',
    name,
    idNumber: `999${String(index).padStart(9, '0')}`,
    phone: `09${String(10_000_000 + index).slice(-8)}`,
    address: `Thôn ${(index % 27) + 1}, xã Xuân Hòa`,
  };
}
