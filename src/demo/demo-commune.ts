import type { MembershipKind } from '../store/entities';

/**
 * The demo commune that `npm start` seeds on the embedded database: every officer role of the
 * commune's one-stop office with official and backup members (DOMAIN.md, "Who does what"), and
 * two agencies it works with on joint procedures. All share DEMO_PASSWORD; the README lists them.
 */
export const DEMO_PASSWORD = 'xuanhoa-demo-2026';

export const DEMO_COMMUNE = 'xa-xuan-hoa';

export const DEMO_AGENCIES = [
  { code: DEMO_COMMUNE, name: 'UBND xã Xuân Hòa', kind: 'commune', dossierPrefix: '000.00.06.H56' },
  { code: 'ca-xa-xuan-hoa', name: 'Công an xã Xuân Hòa', kind: 'police', serves: [DEMO_COMMUNE] },
  {
    code: 'bhxh-khu-vuc-1',
    name: 'Bảo hiểm xã hội khu vực I',
    kind: 'social_insurance',
    serves: [DEMO_COMMUNE],
  },
] as const;

type Membership = [role: string, kind: MembershipKind];

export interface DemoOfficer {
  username: string;
  fullName: string;
  agencyCode: string;
  /** What the officer does, for the README's table. */
  duty: string;
  roles: Membership[];
}

const commune = (
  username: string,
  fullName: string,
  duty: string,
  ...roles: Membership[]
): DemoOfficer => ({ username, fullName, agencyCode: DEMO_COMMUNE, duty, roles });

export const DEMO_OFFICERS: DemoOfficer[] = [
  commune('nguyen.chutich', 'Nguyễn Văn Hùng', 'Chủ tịch: signs results', ['leader', 'official']),
  commune('do.phochutich', 'Đỗ Thị Lan', 'Phó chủ tịch: signs when the chairman is away', [
    'leader',
    'backup',
  ]),
  commune(
    'le.tiepnhan',
    'Lê Thị Hoa',
    'One-stop desk: receives and returns dossiers; backup for the office',
    ['reception', 'official'],
    ['office', 'backup'],
  ),
  commune(
    'hoang.vanphong',
    'Hoàng Văn Nam',
    'Office (văn phòng); backup for the desk',
    ['office', 'official'],
    ['reception', 'backup'],
  ),
  commune('tran.hotich', 'Trần Thị Mai', 'Justice and civil status (tư pháp – hộ tịch)', [
    'civil_status',
    'official',
  ]),
  commune(
    'pham.diachinh',
    'Phạm Văn Đức',
    'Land and construction (địa chính – xây dựng); backup for civil status',
    ['land', 'official'],
    ['civil_status', 'backup'],
  ),
  commune(
    'vu.xahoi',
    'Vũ Thị Thu',
    'Labour, invalids and social affairs; backup for culture',
    ['social_affairs', 'official'],
    ['culture', 'backup'],
  ),
  commune(
    'dang.vanhoa',
    'Đặng Văn Long',
    'Culture (văn hóa); backup for social affairs',
    ['culture', 'official'],
    ['social_affairs', 'backup'],
  ),
  commune('bui.thietke', 'Bùi Minh Tuấn', 'Process designer: deploys procedures', [
    'designer',
    'official',
  ]),
  commune('ngo.quantri', 'Ngô Thị Hạnh', 'Administrator: officers, roles, calendars', [
    'admin',
    'official',
  ]),
  {
    username: 'trinh.congan',
    fullName: 'Trịnh Văn Khoa',
    agencyCode: 'ca-xa-xuan-hoa',
    duty: 'Police: residence registration in joint procedures',
    roles: [['police', 'official']],
  },
  {
    username: 'mai.bhxh',
    fullName: 'Mai Thị Ngọc',
    agencyCode: 'bhxh-khu-vuc-1',
    duty: 'Social insurance: health insurance cards in joint procedures',
    roles: [['social_insurance', 'official']],
  },
];
