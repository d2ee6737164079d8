import {
  DOSSIER_STATUS,
  STATUS_LABELS,
  type DossierStatusName,
} from '../dossier/life-cycle/status';
import type { ErrorCode, ErrorDetails } from '../errors';

/**
 * What an officer or a citizen reads when a call is refused: Vietnamese, from the error's code
 * and details (sent as `extensions.userMessage`). `message` stays in English for developers and
 * logs, with every particular.
 */
export function userMessage(code: ErrorCode, details: ErrorDetails): string {
  return MESSAGES[code](details);
}

const quoted = (value: string | undefined, before: string) => (value ? `${before} «${value}»` : '');

const ON_ELEMENT = (d: ErrorDetails) => quoted(d.elementId, ' tại bước');

function thing(d: ErrorDetails): string {
  if (d.dossierCode) return `hồ sơ ${d.dossierCode}`;
  if (d.taskId) return `công việc ${d.taskId}`;
  if (d.instanceId) return `quy trình ${d.instanceId}`;
  if (d.incidentId) return `sự cố ${d.incidentId}`;
  if (d.jobId) return `tác vụ ${d.jobId}`;
  if (d.key) return `thủ tục «${d.key}»`;
  if (d.field === 'code') return 'hồ sơ theo mã và thông tin đã nhập';
  if (d.field) return `«${d.field}» đã nhập`;
  return 'dữ liệu được yêu cầu';
}

function statusLabel(status: string | undefined): string {
  const code = status ? DOSSIER_STATUS[status as DossierStatusName] : undefined;
  return code ? STATUS_LABELS[code] : (status ?? '');
}

const MESSAGES: Record<ErrorCode, (d: ErrorDetails) => string> = {
  BPMN_INVALID: (d) =>
    `Tệp quy trình chưa hợp lệ${ON_ELEMENT(d)}${d.problems ? ` (${d.problems.length} lỗi)` : ''}; xem danh sách lỗi để sửa.`,
  BPMN_UNSUPPORTED: (d) =>
    `Quy trình dùng phần tử hoặc biểu thức mà hệ thống không thực hiện được${ON_ELEMENT(d)}.`,
  NOT_FOUND: (d) => `Không tìm thấy ${thing(d)}.`,
  TASK_NOT_OPEN: (d) => `Công việc${quoted(d.taskId, '')} đã hoàn thành hoặc đã hủy.`,
  TASK_ALREADY_CLAIMED: (d) => `Công việc${quoted(d.taskId, '')} đã có cán bộ khác nhận xử lý.`,
  TASK_NOT_CLAIMED: (d) => `Công việc${quoted(d.taskId, '')} chưa được nhận xử lý.`,
  CONDITION_FAILED: (d) =>
    `Chưa xác định được hướng xử lý tiếp theo${ON_ELEMENT(d)}: dữ liệu nhập còn thiếu hoặc chưa đúng.`,
  NO_FLOW_MATCHED: (d) =>
    `Dữ liệu đã nhập không phù hợp với hướng xử lý nào${ON_ELEMENT(d)}; kiểm tra lại kết quả xử lý.`,
  INSTANCE_NOT_ACTIVE: () => 'Quy trình của hồ sơ đã kết thúc.',
  ELEMENT_NOT_FOUND: (d) => `Không tìm thấy bước${quoted(d.elementId, '')} trong quy trình.`,
  NO_TOKEN_AT_ELEMENT: (d) => `Hồ sơ hiện không chờ xử lý${ON_ELEMENT(d)}.`,
  LOOP_LIMIT: (d) => `Quy trình lặp lại không dừng${ON_ELEMENT(d)}; báo người thiết kế quy trình.`,
  EXPRESSION_FAILED: (d) =>
    d.field === 'variables'
      ? `Không tính được phí, lệ phí của thủ tục${quoted(d.elementId, '')}: thiếu thông tin trong tờ khai, hoặc nhập số tiền phí.`
      : `Không tính được biểu thức${ON_ELEMENT(d)}: dữ liệu còn thiếu hoặc chưa đúng.`,
  DECISION_FAILED: (d) =>
    `Không áp dụng được bảng quyết định${quoted(d.decisionId, '')}${ON_ELEMENT(d)}: dữ liệu còn thiếu, hoặc bảng cho nhiều kết quả trái nhau.`,
  DECISION_NOT_FOUND: (d) =>
    `Bảng quyết định${quoted(d.decisionId, '')} chưa được triển khai${ON_ELEMENT(d)}; báo người thiết kế quy trình.`,
  UNHANDLED_ERROR: (d) => `Quy trình gặp lỗi nghiệp vụ chưa được xử lý${ON_ELEMENT(d)}.`,
  MESSAGE_NOT_CORRELATED: () => 'Không có hồ sơ nào đang chờ thông tin này.',
  JOB_NOT_ACTIVE: () => 'Tác vụ đã được thực hiện hoặc đã hủy.',
  JOB_LOCKED: () => 'Tác vụ đang được xử lý ở nơi khác.',
  INCIDENT_NOT_OPEN: () => 'Sự cố đã được xử lý.',
  INCIDENT_NEEDS_RETRY: () => 'Sự cố này chỉ xử lý được bằng cách chạy lại tác vụ.',
  JOB_GONE: () => 'Tác vụ của sự cố không còn tồn tại.',
  BAD_USER_INPUT: (d) => `Thông tin nhập chưa hợp lệ${quoted(d.field, ' ở mục')}.`,
  UNAUTHENTICATED: () =>
    'Chưa đăng nhập, phiên đăng nhập đã hết hạn, hoặc tên đăng nhập, mật khẩu không đúng.',
  FORBIDDEN: (d) =>
    `Bạn không có quyền thực hiện thao tác này${d.taskId ? ` với công việc «${d.taskId}»` : d.dossierCode ? ` với hồ sơ ${d.dossierCode}` : ''}.`,
  RATE_LIMITED: (d) =>
    d.retryAfterSeconds
      ? `Bạn gửi quá nhiều yêu cầu; vui lòng chờ ${d.retryAfterSeconds} giây rồi thử lại.`
      : 'Bạn đã thử quá nhiều lần; vui lòng chờ ít phút rồi thử lại.',
  QUERY_TOO_DEEP: () => 'Yêu cầu dữ liệu lồng quá nhiều cấp.',
  QUERY_TOO_COSTLY: (d) =>
    d.field === 'weeks'
      ? 'Dự báo chạy quá lâu nên đã dừng; hãy chọn ít tuần hơn.'
      : 'Yêu cầu quá nhiều dữ liệu một lần; hãy chia nhỏ trang.',
  COMPONENTS_MISSING: (d) =>
    `Hồ sơ còn thiếu giấy tờ: ${(d.components ?? []).join('; ')}. Tiếp nhận kèm yêu cầu bổ sung, hoặc hướng dẫn công dân bổ sung trước.`,
  DOSSIER_INVALID_STATE: (d) =>
    `Hồ sơ${d.dossierCode ? ` ${d.dossierCode}` : ''} đang ở trạng thái «${statusLabel(d.status)}», không thực hiện được thao tác này.`,
  PDF_UNAVAILABLE: () => 'Máy chủ chưa có trình in PDF; vui lòng in mẫu dạng trang web.',
  SIGNING_CERTIFICATE_MISSING: (d) =>
    `Chưa có chứng thư số của lãnh đạo để ký kết quả${d.taskId ? ` của công việc «${d.taskId}»` : ''}; báo quản trị hệ thống cài đặt chứng thư số.`,
  SIGNING_FAILED: () =>
    'Không ký số được kết quả (chứng thư số không mở được hoặc không hợp lệ); báo quản trị hệ thống.',
  DATABASE_UNAVAILABLE: () =>
    'Hệ thống tạm thời gián đoạn; thao tác chưa được thực hiện, vui lòng thử lại sau ít phút.',
  FORM_INVALID: (d) =>
    d.taskId
      ? `Biểu mẫu của công việc chưa điền đúng${quoted(d.field, ' ở mục')}; kiểm tra lại rồi gửi.`
      : `Tệp biểu mẫu chưa hợp lệ${quoted(d.field, ' ở mục')}.`,
  NATIONAL_REPORTING_ONLY: (d) =>
    d.field === 'groupBy' || d.field === 'filter.officer'
      ? 'Số liệu theo từng cán bộ chỉ có tại hệ thống của tỉnh.'
      : 'Máy chủ báo cáo toàn quốc chỉ cung cấp số liệu tổng hợp; thao tác này thực hiện tại hệ thống của tỉnh.',
};

/** Every code an error a user can act on may carry, in the order of the messages' table. */
export const ERROR_CODES = Object.keys(MESSAGES) as ErrorCode[];
