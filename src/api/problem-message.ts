import type { Problem } from '../errors';

/**
 * What a process designer reads about a problem of their BPMN file: Vietnamese, by the rule that
 * found it, naming the element (the English `message` keeps every particular for developers).
 */
export function problemUserMessage(problem: Problem): string {
  const element = problem.elementId ? `«${problem.elementId}»` : 'quy trình';
  const text = problem.rule ? RULES[problem.rule] : undefined;
  return text ? text(element) : `Có vấn đề tại ${element}; xem chi tiết (tiếng Anh) bên dưới.`;
}

const RULES: Record<string, (element: string) => string> = {
  'engine/xml': () => 'Tệp không phải BPMN 2.0 hợp lệ (lỗi XML).',
  'engine/valid': (e) => `Phần tử ${e} chưa hợp lệ để chạy quy trình.`,
  'engine/supported': (e) => `Hệ thống chưa thực hiện được phần tử ${e}.`,
  'engine/advice': (e) => `Lưu ý tại ${e}: cấu hình này sẽ không được áp dụng như mong đợi.`,
  'engine/async': (e) => `${e} đặt chạy bất đồng bộ sau bước (asyncAfter), hệ thống bỏ qua.`,
  'engine/timer': (e) => `Hẹn giờ của ${e} chưa đúng định dạng thời gian ISO 8601.`,
  'engine/duration': (e) => `Thời hạn của ${e} chưa đúng (ví dụ «3 working days» hoặc «PT4H»).`,
  'engine/no-statutory-time': () =>
    'Thủ tục chưa có thời hạn giải quyết theo quy định: hồ sơ không có ngày hẹn trả và được thống kê riêng (không tính đúng hạn, trễ hạn).',
  'engine/result-ready': () =>
    'Quy trình chưa đánh dấu bước kết quả chuyển về bộ phận một cửa (tthc:resultReady), nên hồ sơ chỉ được đánh giá đúng hạn khi quy trình kết thúc.',
  'engine/feel': (e) => `Biểu thức FEEL của ${e} chưa đúng cú pháp hoặc đọc giờ hệ thống.`,
  'engine/expression-language': (e) =>
    `Biểu thức của ${e} không phải FEEL; hệ thống chỉ tính biểu thức FEEL (bắt đầu bằng «=»).`,
  'engine/called-element': (e) => `${e} gọi một quy trình chưa được khai báo đúng.`,
  'engine/task-role': (e) =>
    `Bước ${e} chưa giao cho vai trò hoặc cán bộ nào; lãnh đạo cơ quan sẽ nhận để phân công.`,
  'engine/extension': () =>
    'Tệp có phần mở rộng của công cụ khác mà hệ thống không dùng; phần đó được bỏ qua.',
  'engine/parallel-join': (e) =>
    `Cổng song song ${e} chờ các nhánh loại trừ nhau nên sẽ không bao giờ đi tiếp; dùng cổng loại trừ hoặc cổng bao hàm.`,
  'engine/id': (e) => `Một phần tử trong ${e} chưa có mã (id).`,
  'engine/called-process': (e) =>
    `${e} gọi một quy trình chưa được triển khai hoặc không được đánh dấu chạy được (isExecutable).`,
  'engine/juel': (e) =>
    `Biểu thức JUEL (Camunda 7) của ${e} đã được chuyển sang FEEL; kiểm tra lại bản chuyển đổi.`,
  'engine/decision': (e) => `${e} dùng một bảng quyết định (DMN) chưa được triển khai.`,
  'dmn/xml': () => 'Tệp không phải DMN 1.3 hợp lệ (lỗi XML).',
  'dmn/valid': (e) =>
    `Bảng quyết định ${e} chưa hợp lệ (số cột, chính sách trả kết quả hoặc tên đầu ra).`,
  'dmn/feel': (e) => `Biểu thức FEEL của ${e} trong bảng quyết định chưa đúng cú pháp.`,
  'dmn/expression-language': (e) =>
    `Biểu thức của ${e} không phải FEEL; bảng quyết định chỉ dùng FEEL.`,
  'dmn/supported': (e) =>
    `Hệ thống chưa thực hiện được quyết định ${e} (chỉ bảng quyết định và biểu thức FEEL).`,
  'engine/signal-name': (e) => `${e} phát hoặc chờ tín hiệu nhưng chưa đặt tên tín hiệu.`,
  'engine/link': (e) => `Sự kiện liên kết ${e} chưa ghép đúng cặp (cùng tên, cùng phạm vi).`,
  'engine/reachable': (e) => `Không có luồng nào dẫn tới ${e}.`,
  'engine/gateway-conditions': (e) =>
    `Các nhánh rẽ sau ${e} cần điều kiện (hoặc một nhánh mặc định).`,
  'engine/multi-instance': (e) => `Cấu hình lặp (đa thể hiện) của ${e} chưa đúng.`,
  'engine/message-name': (e) => `${e} chờ thông điệp nhưng chưa đặt tên thông điệp.`,
  'engine/job-type': (e) =>
    `Tác vụ tự động ${e} chưa có loại tác vụ (job type); tạm dùng mã của bước làm loại tác vụ.`,
  'engine/variables': (e) =>
    `Biến khai báo (tthc:variable) của ${e} chưa đúng: tên, kiểu, danh sách giá trị hoặc giá trị mặc định.`,
  'engine/form': (e) => `Bước ${e} dùng biểu mẫu chưa được triển khai; triển khai biểu mẫu trước.`,
  'bpmnlint/label-required': (e) => `${e} chưa có tên hiển thị.`,
  'bpmnlint/no-bpmndi': (e) => `${e} chưa được vẽ trên sơ đồ.`,
  'bpmnlint/end-event-required': () => 'Quy trình chưa có sự kiện kết thúc.',
  'bpmnlint/start-event-required': () => 'Quy trình chưa có sự kiện bắt đầu.',
  'bpmnlint/no-implicit-start': (e) => `${e} không có luồng vào: hãy nối từ một bước trước.`,
  'bpmnlint/no-implicit-end': (e) => `${e} không có luồng ra: hãy nối tới một bước sau.`,
  'bpmnlint/no-implicit-split': (e) => `${e} rẽ nhiều nhánh mà không qua cổng rẽ nhánh.`,
  'bpmnlint/no-gateway-join-fork': (e) => `Cổng ${e} vừa gộp vừa rẽ nhánh; nên tách làm hai.`,
  'bpmnlint/single-blank-start-event': () => 'Quy trình có nhiều sự kiện bắt đầu không loại.',
  'bpmnlint/sub-process-blank-start-event': (e) =>
    `Quy trình con ${e} phải bắt đầu bằng sự kiện bắt đầu không loại.`,
  'bpmnlint/no-disconnected': (e) => `${e} không được nối với bước nào.`,
  'bpmnlint/conditional-flows': (e) => `Luồng ra từ ${e} cần điều kiện.`,
  'bpmnlint/fake-join': (e) => `${e} nhận nhiều luồng vào mà không qua cổng gộp.`,
  'bpmnlint/no-complex-gateway': (e) => `Cổng phức hợp ${e} không được hỗ trợ.`,
  'bpmnlint/no-duplicate-sequence-flows': (e) => `Luồng ${e} bị vẽ trùng.`,
  'bpmnlint/no-overlapping-elements': (e) => `${e} bị vẽ chồng lên phần tử khác.`,
  'bpmnlint/superfluous-gateway': (e) => `Cổng ${e} chỉ có một vào một ra, có thể bỏ.`,
  'bpmnlint/superfluous-termination': (e) => `Sự kiện kết thúc ${e} không cần dừng toàn bộ.`,
  'bpmnlint/superfluous-label': (e) => `Tên của ${e} không hiển thị được ở đây.`,
  'bpmnlint/single-event-definition': (e) => `Sự kiện ${e} có nhiều định nghĩa; chỉ giữ một.`,
  'bpmnlint/event-based-gateway': (e) => `Cổng theo sự kiện ${e} cấu hình chưa đúng.`,
  'bpmnlint/event-sub-process-typed-start-event': (e) =>
    `Quy trình con theo sự kiện ${e} phải bắt đầu bằng sự kiện có loại.`,
  'bpmnlint/link-event': (e) => `Sự kiện liên kết ${e} chưa ghép đôi đúng.`,
  'bpmnlint/conditional-event': (e) => `Sự kiện điều kiện ${e} chưa có điều kiện.`,
  'bpmnlint/no-inclusive-gateway': (e) => `Cổng bao hàm ${e} không nên dùng.`,
  'bpmnlint/standard-size': (e) => `${e} không vẽ đúng kích thước chuẩn.`,
  'bpmnlint/ad-hoc-sub-process': (e) => `Quy trình con tùy ý ${e} cấu hình chưa đúng.`,
};
