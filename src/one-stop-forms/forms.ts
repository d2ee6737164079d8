import QRCode from 'qrcode';
import { PAPER_STYLE, stateHeader } from './state-header';
import { statutoryTimeInVietnamese } from '../calendar/working-duration';
import type { ControlSheetHeading, HandOver } from '../dossier/control-sheet';
import type {
  DeskNoticeEntity,
  DossierEntity,
  DossierFormEntity,
  SubmittedComponent,
} from '../store/entities';
import { html, Raw, vnDateTime, vnMoney } from './html';

/** The forms of Circular 03/2025/TT-VPCP, Appendix I, as printable pages in Vietnamese. */
export const FORM_TITLES: Record<string, string> = {
  '01': 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
  '02': 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ',
  '03': 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
  '04': 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT HỒ SƠ',
  '05': 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ',
  '06': 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ',
};

const KIND_LABELS: Record<string, string> = {
  ORIGINAL: 'Bản chính',
  CERTIFIED_COPY: 'Bản sao chứng thực',
  PHOTOCOPY: 'Bản chụp',
};

const RESULT_LABELS: Record<string, string> = {
  EARLY: 'Trước hạn',
  ON_TIME: 'Đúng hạn',
  LATE: 'Quá hạn',
  UNTIMED: 'Không có thời hạn',
};

/** What the issued forms carry (see src/dossier: receive, supplement, extend, close). */
interface FormContent {
  components?: SubmittedComponent[];
  statutoryDuration?: string;
  receivedAt?: string;
  appointmentAt?: string;
  feeAmount?: number;
  missing?: string[];
  reason?: string;
  previousAppointment?: string;
  newAppointment?: string;
  resultDelivery?: string;
}

/** The fees still due as a VietQR code, for a bank's app to pay them to the agency's account. */
async function paymentBlock(
  payment: { amountDue: number; vietQr: string },
  code: string,
): Promise<Raw> {
  const svg = await QRCode.toString(payment.vietQr, { type: 'svg', margin: 2 });
  return html`<div class="vietqr">
    <div class="qr" style="display:inline-block">${new Raw(svg)}</div>
    <p>
      Nộp phí, lệ phí còn lại (${vnMoney(payment.amountDue)}): quét mã VietQR bằng ứng dụng ngân
      hàng; nội dung chuyển khoản là mã hồ sơ ${code}.
    </p>
  </div>`;
}

/** Where and how the citizen gets the result, as the receipt says it. */
function resultDelivery(method: string | undefined, agencyName: string, address?: string): string {
  switch (method) {
    case 'BY_POST':
      return `Nhận kết quả qua dịch vụ bưu chính công ích, tại địa chỉ: ${address ?? ''}`;
    case 'AT_HOME':
      return `Nhận kết quả tại nhà, địa chỉ: ${address ?? ''}`;
    case 'ONLINE':
      return 'Nhận kết quả trực tuyến (bản điện tử)';
    default:
      return `Nhận kết quả tại: Bộ phận Tiếp nhận và Trả kết quả, ${agencyName}`;
  }
}

/** A form of a dossier, or a notice the desk issued without receiving one (02 or 03). */
export type FormPage = (
  { dossier: DossierEntity } | { dossier?: undefined; deskNotice: DeskNoticeEntity }
) & {
  agencyName: string;
  procedureName: string;
  /** The form as issued (01–05), or the control sheet's head and rows (06). */
  issued?: Pick<DossierFormEntity, 'content' | 'issuedAt' | 'issuedBy'>;
  controlSheet?: HandOver[];
  heading?: ControlSheetHeading;
  /** The fees still due when printed, with their VietQR payload (Form 01; see paymentDue). */
  payment?: { amountDue: number; vietQr: string };
};

/** The whole printable page: the header of the state, the title, the QR of the dossier code. */
export async function renderForm(number: string, page: FormPage): Promise<string> {
  const code = page.dossier?.code;
  // A dossier's code as a QR, for the citizen's look-up; a desk notice has no dossier to look up.
  const qr = code ? await QRCode.toString(code, { type: 'svg', margin: 1 }) : '';
  const body = bodyOf(number, page);
  return `<!doctype html>${
    html`<html lang="vi">
      <head>
        <meta charset="utf-8" />
        <title>${FORM_TITLES[number]}${code ? ` — ${code}` : ''}</title>
        <style>
          ${new Raw(PAPER_STYLE)} body {
            margin: 2cm;
          }
          h1 {
            font-size: 15pt;
            text-align: center;
            margin: 1em 0 0.2em;
          }
          .code {
            text-align: center;
          }
          table {
            border-collapse: collapse;
            width: 100%;
            margin: 0.5em 0;
          }
          th,
          td {
            border: 1px solid #000;
            padding: 4px;
            font-size: 12pt;
          }
          .signatures {
            display: flex;
            justify-content: space-around;
            margin-top: 2em;
            text-align: center;
          }
          @media print {
            body {
              margin: 1.5cm;
            }
          }
        </style>
      </head>
      <body>
        ${stateHeader(
          html`<strong>${page.agencyName.toUpperCase()}</strong><br />BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT
            QUẢ`,
        )}
        <h1>${FORM_TITLES[number]}</h1>
        ${
          code
            ? html`<p class="code">Mã hồ sơ: <strong>${code}</strong></p>
                <div class="code">
                  <div class="qr" style="display:inline-block">${new Raw(qr)}</div>
                </div>`
            : ''
        }
        ${body} ${page.payment ? await paymentBlock(page.payment, code ?? '') : ''}
      </body>
    </html>`.text
  }`;
}

/** What every form's body is made of: the page, what the issued form says, the applicant. */
interface FormParts {
  number: string;
  page: FormPage;
  content: FormContent;
  applicant: DossierEntity['applicant'];
  /** Who asks: the person or organization, and their representative. */
  who: Raw;
  signatures: (left: string, right: string) => Raw;
  /** The received dossier (Forms 01, 04 and 06 speak of one; 02 and 03 may be the desk's). */
  received: () => DossierEntity;
}

function bodyOf(number: string, page: FormPage): Raw {
  const { dossier } = page;
  const applicant = dossier ? dossier.applicant : page.deskNotice.applicant;
  const received = (): DossierEntity => {
    if (!dossier) throw new Error(`Form ${number} is a received dossier's`);
    return dossier;
  };
  const body = BODIES[number];
  if (!body) throw new Error(`no form ${number}`);
  return body({
    number,
    page,
    content: (page.issued?.content ?? {}) as FormContent,
    applicant,
    who: whoAsks(applicant),
    signatures: (left, right) => signaturesOf(left, right, page),
    received,
  });
}

/** The applicant, and whoever represents them. */
function whoAsks(applicant: DossierEntity['applicant']): Raw {
  const representative = applicant.representative;
  return html`${
      applicant.kind === 'ORGANIZATION'
        ? html`<p>
            Tổ chức: <strong>${applicant.name}</strong> — Mã số doanh nghiệp/Mã số thuế:
            ${applicant.taxCode ?? ''}
          </p>`
        : html`<p>
            Ông/bà: <strong>${applicant.name}</strong> — Số định danh cá nhân:
            ${applicant.idNumber ?? ''}
          </p>`
    }
    ${
      representative
        ? html`<p>
            ${representative.authorization ? 'Người được ủy quyền' : 'Người đại diện'}:
            <strong>${representative.name}</strong>${
              representative.role ? ` (${representative.role})` : ''
            }
            — Số định danh cá nhân:
            ${representative.idNumber}${
              representative.authorization
                ? ` — Giấy ủy quyền: ${representative.authorization}`
                : ''
            }
          </p>`
        : ''
    }
    <p>
      Địa chỉ: ${applicant.address ?? ''} — Số điện thoại: ${applicant.phone ?? ''} — Email:
      ${applicant.email ?? ''}
    </p>`;
}

function signaturesOf(left: string, right: string, page: FormPage): Raw {
  return html`<div class="signatures">
    <div><strong>${left}</strong><br /><em>(Ký, ghi rõ họ tên)</em></div>
    <div>
      <strong>${right}</strong><br /><em>(Ký, ghi rõ họ tên)</em
      ><br />${page.issued?.issuedBy ?? ''}
    </div>
  </div>`;
}

/** Form 01: the receipt, with the appointment. */
function receiptBody({ page, content, applicant, who, signatures, received }: FormParts): Raw {
  return html`${who}
    <p>Nộp hồ sơ đề nghị: <strong>${page.procedureName}</strong></p>
    <p>Thành phần hồ sơ nộp gồm:</p>
    <table>
      <tr>
        <th>STT</th>
        <th>Tên giấy tờ</th>
        <th>Hình thức</th>
        <th>Số lượng</th>
      </tr>
      ${(content.components ?? received().components).map(
        (c: SubmittedComponent, i: number) =>
          html`<tr>
            <td>${i + 1}</td>
            <td>${c.name}</td>
            <td>${KIND_LABELS[c.kind] ?? c.kind}</td>
            <td>${c.count}</td>
          </tr>`,
      )}
    </table>
    <p>
      Thời gian giải quyết hồ sơ theo quy định:
      ${statutoryTimeInVietnamese(content.statutoryDuration)}
    </p>
    <p>Thời gian nhận hồ sơ: ${vnDateTime(content.receivedAt)}</p>
    <p>
      Thời gian trả kết quả giải quyết hồ sơ:
      <strong
        >${
          content.appointmentAt
            ? vnDateTime(content.appointmentAt)
            : 'Không hẹn (thủ tục không quy định thời hạn giải quyết)'
        }</strong
      >
    </p>
    ${content.feeAmount ? html`<p>Phí, lệ phí: ${vnMoney(content.feeAmount)}</p>` : ''}
    <p>${resultDelivery(content.resultDelivery, page.agencyName, applicant.address)}</p>
    ${signatures('NGƯỜI NỘP HỒ SƠ', 'NGƯỜI TIẾP NHẬN HỒ SƠ')}`;
}

/** Form 02: what is missing, and why, once and in full. */
function supplementBody({ page, content, who, signatures }: FormParts): Raw {
  return html`${who}
    <p>Hồ sơ đề nghị: ${page.procedureName}</p>
    <p>
      Ngày ${vnDateTime(page.issued?.issuedAt)}, yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội
      dung sau:
    </p>
    <ol>
      ${(content.missing ?? []).map((m: string) => html`<li>${m}</li>`)}
    </ol>
    <p>Lý do: ${content.reason ?? ''}</p>
    ${signatures('NGƯỜI NỘP HỒ SƠ', 'NGƯỜI HƯỚNG DẪN')}`;
}

/** Forms 03 and 05: not taken, or stopped, and why. */
function refusalBody({ number, page, content, who, signatures }: FormParts): Raw {
  return html`${who}
    <p>Hồ sơ đề nghị: ${page.procedureName}</p>
    <p>
      ${number === '03' ? 'Không tiếp nhận giải quyết hồ sơ' : 'Dừng giải quyết hồ sơ'} vì lý do:
      <strong>${content.reason ?? ''}</strong>
    </p>
    ${signatures('NGƯỜI NỘP HỒ SƠ', number === '03' ? 'NGƯỜI TIẾP NHẬN HỒ SƠ' : 'THỦ TRƯỞNG CƠ QUAN')}`;
}

/** Form 04: the apology and the new appointment. */
function apologyBody({ page, content, applicant, signatures, received }: FormParts): Raw {
  return html`<p>Kính gửi: ông/bà <strong>${applicant.name}</strong></p>
    <p>
      Ngày ${vnDateTime(received().receivedAt)}, ${page.agencyName} tiếp nhận hồ sơ đề nghị
      ${page.procedureName}. Thời hạn trả kết quả theo giấy hẹn:
      ${vnDateTime(content.previousAppointment)}.
    </p>
    <p>
      Tuy nhiên, đến nay chưa trả kết quả giải quyết hồ sơ đúng hạn, lý do: ${content.reason ?? ''}.
    </p>
    <p>
      Sự chậm trễ này đã gây phiền hà cho ông/bà. Chúng tôi xin lỗi và hẹn trả kết quả vào:
      <strong>${vnDateTime(content.newAppointment)}</strong>.
    </p>
    ${signatures('', 'THỦ TRƯỞNG CƠ QUAN')}`;
}

/** Form 06: the control sheet, each hand-over and its timeliness. */
function controlSheetBody({ page, applicant, received }: FormParts): Raw {
  return html`${
      page.heading
        ? html`<p>Quyển số: ${page.heading.book} — Số thứ tự: ${page.heading.sequence}</p>
            <p>Cơ quan chủ trì giải quyết: ${page.heading.leadAgency}</p>
            <p>
              Cơ quan phối hợp giải quyết: ${page.heading.cooperatingAgencies.join(', ') || 'Không'}
            </p>`
        : ''
    }
    <p>Người nộp hồ sơ: ${applicant.name}</p>
    <p>Thời gian nhận hồ sơ: ${vnDateTime(received().receivedAt)}</p>
    <p>Thời gian hẹn trả kết quả: ${vnDateTime(received().appointmentAt)}</p>
    <table>
      <tr>
        <th>Tên bước / cơ quan</th>
        <th>Thời gian giao, nhận hồ sơ</th>
        <th>Người giao</th>
        <th>Người nhận</th>
        <th>Kết quả</th>
        <th>Ghi chú</th>
      </tr>
      ${(page.controlSheet ?? []).map(
        (row) =>
          html`<tr>
            <td>${row.step}${row.agency ? html`<br /><em>${row.agency}</em>` : ''}</td>
            <td>${vnDateTime(row.handedOverAt ?? row.receivedAt)}</td>
            <td>${row.giver}</td>
            <td>${row.receiver ?? ''}</td>
            <td>${row.result ? RESULT_LABELS[row.result] : 'Đang xử lý'}</td>
            <td>${row.note ?? ''}</td>
          </tr>`,
      )}
    </table>
    <p>
      Kết quả chuyển về Bộ phận Tiếp nhận và Trả kết quả:
      ${
        received().outcome
          ? html`${vnDateTime(received().finishedAt)} —
              <strong>${RESULT_LABELS[received().outcome ?? '']}</strong>`
          : 'Chưa có'
      }
    </p>
    <p>
      Trả kết quả cho người nộp hồ sơ:
      ${received().returnedAt ? vnDateTime(received().returnedAt) : 'Chưa trả'}
    </p>`;
}

const BODIES: Record<string, (parts: FormParts) => Raw> = {
  '01': receiptBody,
  '02': supplementBody,
  '03': refusalBody,
  '04': apologyBody,
  '05': refusalBody,
  '06': controlSheetBody,
};
