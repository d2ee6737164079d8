import type { TrackingBookLine } from '../dossier/tracking-book';
import { vnDateTime } from '../one-stop-forms/html';
import type { Dimension } from '../store/figures/dossier-metrics';
import type { ServiceIndex } from '../metrics/service-index';
import type { StepFigures } from '../metrics/step-metrics';
import type { DossierFigures } from '../metrics/summary';
import type { Cell, ExportTable } from './table';

/** A share as a percentage with two decimals, as reports print it. */
const percent = (share: number | null | undefined): Cell =>
  share === null || share === undefined ? null : Math.round(share * 10_000) / 100;
const days = (value: number | null | undefined): Cell =>
  value === null || value === undefined ? null : Math.round(value * 100) / 100;
const vnDate = (iso: string) => iso.split('-').reverse().join('/');
const period = (from: string, to: string) => `Từ ngày ${vnDate(from)} đến ngày ${vnDate(to)}`;

export function trackingBookTable(
  lines: TrackingBookLine[],
  agencyName: string,
  from: string,
  to: string,
): ExportTable {
  return {
    name: `so-theo-doi-ho-so-${from}-${to}`,
    title: 'SỔ THEO DÕI HỒ SƠ',
    subtitle: `${agencyName} — ${period(from, to)}`,
    headers: [
      'STT',
      'Mã hồ sơ',
      'Tên thủ tục hành chính',
      'Số lượng giấy tờ',
      'Người nộp',
      'Địa chỉ',
      'Số điện thoại',
      'Tiếp nhận',
      'Hẹn trả',
      'Trả kết quả',
      'Ghi chú',
    ],
    rows: lines.map((line) => [
      line.number,
      line.code,
      line.request,
      line.papers,
      line.applicant,
      line.address,
      line.phone,
      vnDateTime(line.receivedAt),
      vnDateTime(line.appointmentAt),
      vnDateTime(line.returnedAt),
      line.note,
    ]),
  };
}

const GROUP_HEADERS: Record<Dimension, [string, keyof DossierFigures]> = {
  AGENCY: ['Cơ quan', 'agencyCode'],
  FIELD: ['Lĩnh vực', 'field'],
  PROCEDURE: ['Thủ tục', 'procedureKey'],
  CHANNEL: ['Kênh tiếp nhận', 'channel'],
  OFFICER: ['Cán bộ tiếp nhận', 'officer'],
  MONTH: ['Tháng', 'month'],
  DAY: ['Ngày', 'day'],
};

export function dossierMetricsTable(
  figures: DossierFigures[],
  groupBy: Dimension[],
  scope: string,
  from: string,
  to: string,
): ExportTable {
  return {
    name: `so-lieu-ho-so-${from}-${to}`,
    title: 'SỐ LIỆU GIẢI QUYẾT HỒ SƠ',
    subtitle: `${scope} — ${period(from, to)}`,
    headers: [
      ...groupBy.map((d) => GROUP_HEADERS[d][0]),
      'Tiếp nhận',
      'Giải quyết trước hạn',
      'Giải quyết đúng hạn',
      'Giải quyết quá hạn',
      'Đang giải quyết trong hạn',
      'Đang giải quyết quá hạn',
      'Tỷ lệ đúng hạn (%)',
      'Trực tuyến toàn trình (%)',
      'Trực tuyến một phần (%)',
      'Số hóa (%)',
      'Tái sử dụng (%)',
      'Thanh toán không dùng tiền mặt (%)',
      'Kết quả điện tử',
      'Bản sao điện tử',
      'Liên thông',
      'Thời gian giải quyết trung bình (ngày)',
      '90% giải quyết trong (ngày)',
    ],
    rows: figures.map((row) => [
      ...groupBy.map((d) => (row[GROUP_HEADERS[d][1]] as string | undefined) ?? null),
      row.received,
      row.resolvedEarly,
      row.resolvedOnTime,
      row.resolvedLate,
      row.inProgressWithinTime,
      row.inProgressOverdue,
      percent(row.onTimeRate),
      percent(row.onlineFullShare),
      percent(row.onlinePartialShare),
      percent(row.digitizedShare),
      percent(row.reuseShare),
      percent(row.cashlessShare),
      row.electronicResults,
      row.electronicCopies,
      row.joint,
      days(row.averageProcessingDays),
      days(row.p90ProcessingDays),
    ]),
  };
}

export function stepMetricsTable(
  steps: StepFigures[],
  key: string,
  from: string,
  to: string,
): ExportTable {
  return {
    name: `buoc-xu-ly-${key}-${from}-${to}`,
    title: 'THỜI GIAN XỬ LÝ TỪNG BƯỚC',
    subtitle: `${key} — ${period(from, to)}`,
    headers: [
      'Bước',
      'Tên bước',
      'Hoàn thành',
      'Trung bình (ngày)',
      '90% trong (ngày)',
      'Quá hạn (%)',
      'Đang chờ',
      'Đang chờ quá hạn',
      'Điểm nghẽn',
    ],
    rows: steps.map((step) => [
      step.elementId,
      step.name,
      step.completed,
      days(step.averageDays),
      days(step.p90Days),
      percent(step.overdueShare),
      step.waitingNow,
      step.waitingOverdue,
      step.bottleneck ? 'Có' : '',
    ]),
  };
}

export function serviceIndexTable(index: ServiceIndex, agencyName: string): ExportTable {
  const points = (value: number) => Math.round(value * 100) / 100;
  return {
    name: `chi-so-766-${index.agencyCode}-${index.from}-${index.to}`,
    title: 'BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP (QUYẾT ĐỊNH 766/QĐ-TTg)',
    subtitle: `${agencyName} — ${period(index.from, index.to)} — Tổng điểm: ${points(index.points)}/100`,
    headers: ['Nhóm', 'Chỉ số', 'Tử số', 'Mẫu số', 'Tỷ lệ (%)', 'Điểm', 'Điểm tối đa', 'Nguồn'],
    rows: index.groups.flatMap((group) => [
      ...group.indicators.map((indicator): Cell[] => [
        group.name,
        indicator.name,
        indicator.numerator,
        indicator.denominator,
        percent(indicator.ratio),
        points(indicator.points),
        indicator.max,
        indicator.source === 'OBSERVED'
          ? 'Hệ thống'
          : indicator.recorded
            ? 'Quản trị nhập'
            : 'Chưa nhập',
      ]),
      [group.name, 'Cộng nhóm', null, null, null, points(group.points), group.max, null],
    ]),
  };
}
