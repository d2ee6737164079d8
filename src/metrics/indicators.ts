/**
 * The 766 service index (Decision 766/QĐ-TTg, 100 points): six groups of indicators, as the
 * public dashboard scores them. Most score `max × ratio`; some give full
 * points from a share (`fullAt`: reuse at 80%, satisfaction at 90%, payments at 80%). Indicators
 * the system cannot see are recorded by an administrator.
 */
export type GroupId =
  'PUBLICITY' | 'PROGRESS' | 'ONLINE_SERVICE' | 'ONLINE_PAYMENT' | 'DIGITIZATION' | 'SATISFACTION';

export const GROUPS: { id: GroupId; name: string; max: number }[] = [
  { id: 'PUBLICITY', name: 'Công khai, minh bạch', max: 18 },
  { id: 'PROGRESS', name: 'Tiến độ giải quyết', max: 20 },
  { id: 'ONLINE_SERVICE', name: 'Dịch vụ công trực tuyến', max: 12 },
  { id: 'ONLINE_PAYMENT', name: 'Thanh toán trực tuyến', max: 10 },
  { id: 'DIGITIZATION', name: 'Số hóa hồ sơ', max: 22 },
  { id: 'SATISFACTION', name: 'Mức độ hài lòng', max: 18 },
];

export const RECORDED_INDICATORS = [
  'PUBLISHED_ON_TIME',
  'UPDATED_ON_TIME',
  'FULL_CONTENT_PUBLISHED',
  // Observed from the portal's acknowledgements where nothing is recorded for the period.
  'PORTAL_SYNCHRONIZED',
  'FEES_INTEGRATED',
  'PERSONAL_DATA_STORE',
  'POPULATION_DB_DOSSIERS',
  'POPULATION_DB_PROCEDURES',
  'FEEDBACK_SATISFIED',
] as const;

export type RecordedIndicator = (typeof RECORDED_INDICATORS)[number];

export type ObservedIndicator =
  | 'PORTAL_SYNCHRONIZED'
  | 'ON_TIME'
  | 'FULL_ONLINE'
  | 'PROCEDURES_PAID_ONLINE'
  | 'DOSSIERS_PAID_ONLINE'
  | 'ELECTRONIC_RESULTS'
  | 'DIGITIZED'
  | 'ELECTRONIC_COPIES'
  | 'REUSE'
  | 'FEEDBACK_ON_TIME'
  | 'RECEPTION_SATISFIED';

export type IndicatorId = RecordedIndicator | ObservedIndicator;

export interface IndicatorSpec {
  id: IndicatorId;
  group: GroupId;
  name: string;
  max: number;
  /** The share that earns full points (default 1). */
  fullAt?: number;
  /** With nothing to measure (no feedback), the indicator earns full points. */
  fullWhenNone?: boolean;
}

export const INDICATORS: IndicatorSpec[] = [
  { id: 'PUBLISHED_ON_TIME', group: 'PUBLICITY', name: 'Công bố TTHC đúng hạn', max: 6 },
  { id: 'UPDATED_ON_TIME', group: 'PUBLICITY', name: 'Cập nhật, công khai TTHC đúng hạn', max: 4 },
  {
    id: 'FULL_CONTENT_PUBLISHED',
    group: 'PUBLICITY',
    name: 'Công khai đầy đủ nội dung TTHC',
    max: 2,
  },
  {
    id: 'PORTAL_SYNCHRONIZED',
    group: 'PUBLICITY',
    name: 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia',
    max: 6,
  },
  { id: 'ON_TIME', group: 'PROGRESS', name: 'Hồ sơ giải quyết đúng hạn', max: 20 },
  {
    id: 'FULL_ONLINE',
    group: 'ONLINE_SERVICE',
    name: 'Hồ sơ trực tuyến toàn trình / hồ sơ của TTHC đủ điều kiện',
    max: 12,
  },
  {
    id: 'FEES_INTEGRATED',
    group: 'ONLINE_PAYMENT',
    name: 'TTHC có phí đã tích hợp thanh toán trực tuyến',
    max: 2,
    fullAt: 0.8,
  },
  {
    id: 'PROCEDURES_PAID_ONLINE',
    group: 'ONLINE_PAYMENT',
    name: 'TTHC có phát sinh thanh toán trực tuyến',
    max: 2,
    fullAt: 0.8,
  },
  {
    id: 'DOSSIERS_PAID_ONLINE',
    group: 'ONLINE_PAYMENT',
    name: 'Hồ sơ thanh toán trực tuyến',
    max: 6,
  },
  { id: 'ELECTRONIC_RESULTS', group: 'DIGITIZATION', name: 'Cấp kết quả điện tử', max: 6 },
  { id: 'DIGITIZED', group: 'DIGITIZATION', name: 'Số hóa thành phần hồ sơ', max: 4 },
  { id: 'ELECTRONIC_COPIES', group: 'DIGITIZATION', name: 'Cấp bản sao điện tử', max: 2 },
  {
    id: 'REUSE',
    group: 'DIGITIZATION',
    name: 'Tái sử dụng dữ liệu đã số hóa',
    max: 2,
    fullAt: 0.8,
  },
  {
    id: 'PERSONAL_DATA_STORE',
    group: 'DIGITIZATION',
    name: 'Kết nối kho quản lý dữ liệu điện tử cá nhân',
    max: 4,
  },
  {
    id: 'POPULATION_DB_DOSSIERS',
    group: 'DIGITIZATION',
    name: 'Hồ sơ khai thác CSDL quốc gia về dân cư',
    max: 2,
  },
  {
    id: 'POPULATION_DB_PROCEDURES',
    group: 'DIGITIZATION',
    name: 'TTHC kết nối CSDL quốc gia về dân cư',
    max: 2,
  },
  {
    id: 'FEEDBACK_ON_TIME',
    group: 'SATISFACTION',
    name: 'Xử lý phản ánh, kiến nghị đúng hạn',
    max: 6,
    fullWhenNone: true,
  },
  {
    id: 'FEEDBACK_SATISFIED',
    group: 'SATISFACTION',
    name: 'Hài lòng về xử lý phản ánh, kiến nghị',
    max: 6,
    fullWhenNone: true,
  },
  {
    id: 'RECEPTION_SATISFIED',
    group: 'SATISFACTION',
    name: 'Hài lòng về tiếp nhận, giải quyết',
    max: 6,
    fullAt: 0.9,
  },
];

/** Points for a share: `max × share / fullAt`, at most `max`; nothing measured earns none. */
export function pointsFor(spec: IndicatorSpec, ratio: number | null): number {
  if (ratio === null) return 0;
  return spec.max * Math.min(1, Math.max(0, ratio) / (spec.fullAt ?? 1));
}
