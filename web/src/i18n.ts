/** The pages speak Vietnamese by default; English on a toggle, remembered on this device. */
export type Language = 'vi' | 'en';

const WORDS: Record<string, { vi: string; en: string }> = {
  'lang.switch': { vi: 'English', en: 'Tiếng Việt' },
  'lookup.heading': { vi: 'Tra cứu hồ sơ', en: 'Look up a dossier' },
  'lookup.intro': {
    vi: 'Nhập mã hồ sơ in trên Giấy tiếp nhận và 4 số cuối điện thoại của người nộp.',
    en: "Enter the dossier code printed on the receipt and the last 4 digits of the applicant's phone.",
  },
  'lookup.code': { vi: 'Mã hồ sơ', en: 'Dossier code' },
  'lookup.phone': { vi: '4 số cuối điện thoại', en: 'Last 4 digits of the phone' },
  'lookup.submit': { vi: 'Tra cứu', en: 'Look up' },
  'lookup.invalid': {
    vi: 'Nhập mã hồ sơ và đúng 4 chữ số cuối của số điện thoại.',
    en: 'Enter the code and exactly the last 4 digits of the phone number.',
  },
  'lookup.procedure': { vi: 'Thủ tục', en: 'Procedure' },
  'lookup.status': { vi: 'Trạng thái', en: 'Status' },
  'lookup.received': { vi: 'Ngày tiếp nhận', en: 'Received' },
  'lookup.appointment': { vi: 'Ngày hẹn trả kết quả', en: 'Result due' },
  'lookup.late': { vi: 'Hồ sơ đang trễ hẹn', en: 'This dossier is late' },
  'lookup.done': { vi: 'Các bước đã thực hiện', en: 'Steps done' },
  'lookup.current': { vi: 'Đang thực hiện', en: 'Under way' },
  'lookup.none': { vi: 'Chưa có', en: 'None yet' },
  'signed.heading': { vi: 'Kết quả điện tử có chữ ký số', en: 'Digitally signed result' },
  'signed.by': { vi: 'Người ký', en: 'Signed by' },
  'signed.at': { vi: 'Thời điểm ký', en: 'Signed at' },
  'signed.check': { vi: 'Kiểm tra chữ ký số', en: 'Signature check' },
  'signed.valid': { vi: 'Chữ ký số hợp lệ', en: 'The signature is valid' },
  'signed.invalid': { vi: 'Chữ ký số không hợp lệ', en: 'The signature is not valid' },
  'signed.problem.NOT_SIGNED': { vi: 'tệp không có chữ ký', en: 'the file is not signed' },
  'signed.problem.BYTE_RANGE': {
    vi: 'chữ ký không phủ toàn bộ tệp',
    en: 'the signature does not cover the whole file',
  },
  'signed.problem.MALFORMED_SIGNATURE': { vi: 'chữ ký hỏng', en: 'the signature is malformed' },
  'signed.problem.DIGEST_MISMATCH': {
    vi: 'nội dung đã bị thay đổi sau khi ký',
    en: 'the content changed after signing',
  },
  'signed.problem.BAD_SIGNATURE': { vi: 'chữ ký sai', en: 'the signature does not match' },
  'signed.problem.UNTRUSTED': {
    vi: 'chứng thư số không do tổ chức tin cậy cấp',
    en: 'the certificate is not from a trusted authority',
  },
  'signed.problem.CERTIFICATE_EXPIRED': {
    vi: 'chứng thư số hết hiệu lực khi ký',
    en: 'the certificate was not valid when signing',
  },
  'signed.download': { vi: 'Tải kết quả (PDF đã ký)', en: 'Download the result (signed PDF)' },
  'signed.failed': { vi: 'Không tải được kết quả.', en: 'The result could not be downloaded.' },
  'lookup.notified': {
    vi: 'Ông/bà đang nhận thông báo về hồ sơ này.',
    en: 'You are told of each turn of this dossier.',
  },
  'lookup.stopNotifications': { vi: 'Ngừng nhận thông báo', en: 'Stop the notifications' },
  'lookup.notificationsStopped': {
    vi: 'Đã ngừng gửi thông báo về hồ sơ này.',
    en: 'No more notifications will be sent about this dossier.',
  },
  'lookup.pay': {
    vi: 'Phí, lệ phí còn phải nộp: quét mã VietQR bằng ứng dụng ngân hàng',
    en: "Fees still due: scan the VietQR code with a bank's app",
  },
  'inbox.heading': { vi: 'Hộp việc', en: 'Inbox' },
  'inbox.signout': { vi: 'Đăng xuất', en: 'Sign out' },
  'inbox.username': { vi: 'Tên đăng nhập', en: 'Username' },
  'inbox.password': { vi: 'Mật khẩu', en: 'Password' },
  'inbox.signin': { vi: 'Đăng nhập', en: 'Sign in' },
  'inbox.step': { vi: 'Bước', en: 'Step' },
  'inbox.dossier': { vi: 'Hồ sơ', en: 'Dossier' },
  'inbox.due': { vi: 'Hạn xử lý', en: 'Due' },
  'inbox.open': { vi: 'Chờ nhận', en: 'Open' },
  'inbox.mine': { vi: 'Đang xử lý', en: 'Mine' },
  'inbox.today': { vi: 'Đến hạn hôm nay', en: 'Due today' },
  'inbox.overdue': { vi: 'Quá hạn', en: 'Overdue' },
  'inbox.search': { vi: 'Tìm hồ sơ', en: 'Find a dossier' },
  'inbox.search.hint': {
    vi: 'Mã hồ sơ hoặc tên người nộp',
    en: "Dossier code or applicant's name",
  },
  'inbox.procedure': { vi: 'Thủ tục', en: 'Procedure' },
  'inbox.all': { vi: 'Tất cả', en: 'All' },
  'inbox.find': { vi: 'Tìm', en: 'Find' },
  'inbox.everything': { vi: 'Tất cả việc', en: 'Everything' },
  'inbox.previous': { vi: 'Trang trước', en: 'Previous page' },
  'inbox.next': { vi: 'Trang sau', en: 'Next page' },
  'inbox.page': { vi: 'Trang', en: 'Page' },
  'inbox.nothing': { vi: 'Không có việc nào khớp.', en: 'No step matches.' },
  'inbox.claim': { vi: 'Nhận xử lý', en: 'Claim' },
  'inbox.complete': { vi: 'Hoàn thành', en: 'Complete' },
  'inbox.open.dossier': { vi: 'Xem hồ sơ', en: 'Dossier' },
  'inbox.applicant': { vi: 'Người nộp', en: 'Applicant' },
  'inbox.papers': { vi: 'Thành phần hồ sơ', en: 'Papers' },
  'inbox.sheet': { vi: 'Phiếu kiểm soát quá trình giải quyết', en: 'Control sheet' },
  'inbox.giver': { vi: 'Bên giao', en: 'Handed by' },
  'inbox.receiver': { vi: 'Bên nhận', en: 'Taken by' },
  'inbox.handed': { vi: 'Thời gian giao', en: 'Handed on' },
  'inbox.result': { vi: 'Kết quả', en: 'Result' },
  'inbox.print': { vi: 'In mẫu', en: 'Print form' },
  'inbox.print.failed': { vi: 'Không in được mẫu này.', en: 'This form could not be printed.' },
  'inbox.return': { vi: 'Trả kết quả', en: 'Return the result' },
  'inbox.return.method': { vi: 'Hình thức trả kết quả', en: 'How the result goes back' },
  'return.AT_DESK': { vi: 'Tại Bộ phận một cửa', en: 'At the desk' },
  'return.BY_POST': { vi: 'Qua bưu chính công ích', en: 'By public post' },
  'return.AT_HOME': { vi: 'Tại nhà', en: 'At home' },
  'return.ONLINE': { vi: 'Trực tuyến', en: 'Online' },
  'result.UNTIMED': { vi: 'Không có thời hạn', en: 'No statutory time' },
  'result.EARLY': { vi: 'Trước hạn', en: 'Early' },
  'result.ON_TIME': { vi: 'Đúng hạn', en: 'On time' },
  'result.LATE': { vi: 'Quá hạn', en: 'Late' },
  'field.complete': { vi: 'Hồ sơ đủ điều kiện giải quyết', en: 'The dossier qualifies' },
  'dashboard.heading': { vi: 'Bảng điều hành', en: 'Dashboard' },
  'designer.draft': {
    vi: 'Đang hiển thị bản nháp chưa triển khai (giữ trên máy này).',
    en: 'Showing a draft not deployed yet (kept on this device).',
  },
  'designer.draft.discard': { vi: 'Bỏ bản nháp', en: 'Discard the draft' },
  'dashboard.trend.figures': { vi: 'Số liệu theo tháng', en: 'Figures by month' },
  'dashboard.month': { vi: 'Tháng', en: 'Month' },
  'dashboard.received': { vi: 'Tiếp nhận', en: 'Received' },
  'dashboard.onTime': { vi: 'Đúng hạn', en: 'On time' },
  'dashboard.from': { vi: 'Từ ngày', en: 'From' },
  'dashboard.to': { vi: 'Đến ngày', en: 'To' },
  'dashboard.procedure': { vi: 'Thủ tục', en: 'Procedure' },
  'dashboard.show': { vi: 'Xem', en: 'Show' },
  'dashboard.index': { vi: 'Chỉ số phục vụ (Quyết định 766)', en: 'Service index (Decision 766)' },
  'dashboard.total': { vi: 'Tổng điểm', en: 'Total' },
  'dashboard.indicator': { vi: 'Chỉ số', en: 'Indicator' },
  'dashboard.ratio': { vi: 'Tỷ lệ', en: 'Ratio' },
  'dashboard.points': { vi: 'Điểm', en: 'Points' },
  'dashboard.source': { vi: 'Nguồn', en: 'Source' },
  'dashboard.observed': { vi: 'Hệ thống', en: 'Observed' },
  'dashboard.recorded': { vi: 'Quản trị nhập', en: 'Recorded' },
  'dashboard.missing': { vi: 'Chưa nhập', en: 'Not recorded' },
  'dashboard.trend': { vi: 'Tỷ lệ đúng hạn theo tháng (%)', en: 'On time by month (%)' },
  'dashboard.steps': { vi: 'Các bước chậm nhất', en: 'Slowest steps' },
  'dashboard.completed': { vi: 'Đã xong', en: 'Completed' },
  'dashboard.average': { vi: 'Trung bình (ngày)', en: 'Average (days)' },
  'dashboard.p90': { vi: '90% xong trong (ngày)', en: 'p90 (days)' },
  'dashboard.waiting': { vi: 'Đang chờ', en: 'Waiting' },
  'dashboard.bottleneck': { vi: 'điểm nghẽn', en: 'bottleneck' },
  'designer.heading': { vi: 'Thiết kế quy trình', en: 'Process designer' },
  'designer.procedures': { vi: 'Thủ tục', en: 'Procedures' },
  'designer.deploy': { vi: 'Triển khai phiên bản mới', en: 'Deploy a new version' },
  'designer.problems': { vi: 'Lỗi và cảnh báo', en: 'Problems' },
  'designer.changes': {
    vi: 'Thay đổi so với phiên bản trước',
    en: 'Changes since the previous version',
  },
  'designer.role': { vi: 'Vai trò xử lý', en: 'Role' },
  'designer.agency': { vi: 'Cơ quan', en: 'Agency' },
  'designer.stepDuration': { vi: 'Thời hạn bước', en: 'Step budget' },
  'designer.form': { vi: 'Biểu mẫu', en: 'Form' },
  'designer.statutoryDuration': { vi: 'Thời hạn giải quyết', en: 'Statutory time' },
  'designer.clean': { vi: 'Không có lỗi', en: 'No problems' },
  'designer.nochange': { vi: 'Không có thay đổi', en: 'No changes' },
  'designer.ADDED': { vi: 'Thêm', en: 'Added' },
  'designer.REMOVED': { vi: 'Bỏ', en: 'Removed' },
  'designer.CHANGED': { vi: 'Sửa', en: 'Changed' },
  'designer.deployed': { vi: '(đã triển khai)', en: '(deployed)' },
  'designer.same': { vi: '(không đổi)', en: '(unchanged)' },
  'designer.migration': {
    vi: 'Chuyển hồ sơ đang xử lý sang phiên bản này',
    en: 'Move running dossiers to this version',
  },
  'designer.migration.from': { vi: 'Từ phiên bản', en: 'From version' },
  'designer.migration.mapping': {
    vi: 'Bước đổi mã (mã cũ=mã mới, mỗi dòng một bước)',
    en: 'Renamed steps (old id=new id, one a line)',
  },
  'designer.migration.line': { vi: 'Dòng', en: 'Line' },
  'designer.migration.badLine': {
    vi: 'cần viết mã cũ=mã mới, đúng một dấu = và có mã ở cả hai bên',
    en: 'must read old id=new id, with exactly one = and an id on each side',
  },
  'designer.migration.reason': { vi: 'Lý do', en: 'Reason' },
  'designer.migration.preview': { vi: 'Xem trước', en: 'Dry run' },
  'designer.migration.run': { vi: 'Chuyển hồ sơ', en: 'Move the dossiers' },
  'designer.migration.none': {
    vi: 'Không có phiên bản cũ nào để chuyển sang phiên bản này',
    en: 'No earlier version to move from',
  },
  'designer.migration.counts': { vi: 'Hồ sơ đang xử lý', en: 'Running dossiers' },
  'designer.migration.movable': { vi: 'chuyển được', en: 'can move' },
  'designer.migration.refused': { vi: 'không chuyển được', en: 'cannot move' },
  'designer.migration.moved': { vi: 'Đã chuyển', en: 'Moved' },
  'designer.migration.dossiers': { vi: 'hồ sơ', en: 'dossiers' },
  'designer.migration.ELEMENT_REMOVED': {
    vi: 'đang ở bước đã bị bỏ, chưa chỉ định bước thay thế',
    en: 'waits at a step removed without a mapping',
  },
  'designer.migration.TARGET_NOT_FOUND': {
    vi: 'bước thay thế không có trong phiên bản này',
    en: 'mapped to a step this version lacks',
  },
  'designer.migration.KIND_CHANGED': {
    vi: 'bước thay thế khác loại',
    en: 'mapped to an element of another kind',
  },
  'designer.migration.SCOPE_CHANGED': {
    vi: 'bước thay thế nằm trong quy trình con khác',
    en: 'mapped into another sub-process',
  },
  'designer.migration.MULTI_INSTANCE_CHANGED': {
    vi: 'bước chạy nhiều lượt (đa thể hiện) đã đổi cách chạy',
    en: 'a running multi-instance changed shape',
  },
  'designer.migration.FLOW_REMOVED': {
    vi: 'đang chờ ở điểm hợp nhánh có luồng đã bị bỏ',
    en: 'a join waits for a removed flow',
  },
  'designer.migration.CLOCK_CHANGED': {
    vi: 'bước đang chờ chỉ tạm dừng tính thời hạn ở một trong hai phiên bản',
    en: 'the step waited at pauses the clock in one version only',
  },
  'designer.migration.JOIN_CHANGED': {
    vi: 'đang chờ ở điểm hợp nhánh có các luồng vào đã đổi',
    en: 'a join waits whose incoming flows changed',
  },
  'designer.migration.COMPENSATION_REMOVED': {
    vi: 'bước đã làm có thể cần hoàn tác nhưng không còn trong phiên bản này',
    en: 'a completed step that may be undone is not in this version',
  },
  'designer.migration.skipped': { vi: 'bỏ qua', en: 'skipped' },
  'designer.migration.confirm': { vi: 'Chuyển', en: 'Move' },
  'designer.forecast': { vi: 'Dự báo', en: 'Forecast' },
  'designer.forecast.weeks': { vi: 'Số tuần', en: 'Weeks' },
  'designer.forecast.run': { vi: 'Chạy dự báo', en: 'Run the forecast' },
  'designer.forecast.summary': {
    vi: '{dossiers} hồ sơ dự kiến, {onTime} đúng hạn; 50% có kết quả trong {p50} giờ làm việc, 90% trong {p90} giờ.',
    en: '{dossiers} dossiers expected, {onTime} on time; half have their result within {p50} working hours, nine in ten within {p90}.',
  },
  'designer.forecast.nothing': {
    vi: 'Chưa có hồ sơ nào của thủ tục này được tiếp nhận trong các tuần đã qua: không có gì để dự báo.',
    en: 'No dossier of this procedure was received in the past weeks: there is nothing observed to forecast from.',
  },
  'designer.forecast.unfinished': {
    vi: '{n} hồ sơ chưa có kết quả sau 52 tuần chạy thêm (tính là trễ hạn).',
    en: '{n} dossiers still without a result 52 weeks on (counted late).',
  },
  'designer.forecast.failed': {
    vi: '{n} hồ sơ bị dừng vì quy trình không đi tiếp được (tính là trễ hạn).',
    en: '{n} dossiers stopped where the process could not go on (counted late).',
  },
  'designer.forecast.unserved': {
    vi: '{n} việc không cán bộ nào làm được (vai trò không có ai đảm nhận).',
    en: '{n} tasks no officer could do (a role no one holds).',
  },
  'designer.forecast.step': { vi: 'Bước', en: 'Step' },
  'designer.forecast.queue': { vi: 'Hàng chờ TB/ngày', en: 'Mean queue a day' },
  'designer.forecast.maxQueue': { vi: 'Hàng chờ cao nhất', en: 'Longest queue' },
  'designer.forecast.wait': {
    vi: 'Chờ TB (phút làm việc)',
    en: 'Mean wait (working minutes)',
  },
  'inbox.diagram': { vi: 'Vị trí hồ sơ trên quy trình', en: 'Where the dossier is' },
  'inbox.supplement': { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Ask for papers' },
  'inbox.missing': {
    vi: 'Giấy tờ còn thiếu (mỗi dòng một loại)',
    en: 'Missing papers (one a line)',
  },
  'inbox.reason': { vi: 'Lý do', en: 'Reason' },
  'inbox.supplement.send': { vi: 'Gửi yêu cầu (Mẫu 02)', en: 'Send the request (Form 02)' },
  'inbox.agency': { vi: 'Việc của cơ quan', en: "The agency's steps" },
  'inbox.giveBack': { vi: 'Trả lại', en: 'Give back' },
  'inbox.assign': { vi: 'Giao việc', en: 'Assign' },
  'inbox.fill': { vi: 'Điền biểu mẫu', en: 'Fill in the form' },
  'inbox.cancel': { vi: 'Đóng', en: 'Close' },
  'inbox.handOn': { vi: 'Chuyển cơ quan khác', en: 'Hand on to another agency' },
  'inbox.handOn.to': { vi: 'Cơ quan nhận', en: 'Agency to hand on to' },
  'inbox.note': { vi: 'Ghi chú', en: 'Note' },
  'inbox.assignee': { vi: 'Tên đăng nhập cán bộ', en: "Officer's username" },
  'error.network': {
    vi: 'Không kết nối được máy chủ. Vui lòng thử lại.',
    en: 'The server could not be reached. Please try again.',
  },
};

const STATUS_EN: Record<string, string> = {
  REGISTERED: 'Registered',
  RECEIVED: 'Received',
  REFUSED: 'Refused',
  IN_PROGRESS: 'In progress',
  SUPPLEMENT_REQUESTED: 'Papers requested',
  PAYMENT_REQUESTED: 'Payment requested',
  WITHDRAWAL_REQUESTED: 'Withdrawn',
  STOPPED: 'Stopped',
  PROCESSED: 'Processed',
  RETURNED: 'Result returned',
};

export function language(): Language {
  return localStorage.getItem('lang') === 'en' ? 'en' : 'vi';
}

export function hasWord(key: string): boolean {
  return Object.hasOwn(WORDS, key);
}

export function t(key: string): string {
  const word = WORDS[key];
  if (!word) throw new Error(`No translation for '${key}'`);
  return word[language()];
}

/** A dossier's status: the API's Vietnamese label, or its English name. */
export function statusText(status: string, vietnamese: string): string {
  return language() === 'en' ? (STATUS_EN[status] ?? status) : vietnamese;
}

/** A date and time in Vietnam's time as the office writes it: 08:00, 05/03/2026. */
export function dateTime(iso: string | null): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.hour}:${parts.minute}, ${parts.day}/${parts.month}/${parts.year}`;
}

/** Writes every `data-t` element in the page's language, and wires the language toggle. */
export function translatePage(onChange: () => void = () => undefined): void {
  const apply = () => {
    document.documentElement.lang = language();
    for (const element of document.querySelectorAll<HTMLElement>('[data-t]')) {
      element.textContent = t(element.dataset.t!);
    }
  };
  apply();
  document.querySelector<HTMLButtonElement>('button.lang')?.addEventListener('click', () => {
    localStorage.setItem('lang', language() === 'en' ? 'vi' : 'en');
    apply();
    onChange();
  });
}
