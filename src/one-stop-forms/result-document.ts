import QRCode from 'qrcode';
import { html, Raw, vnDateTime } from './html';
import { PAPER_STYLE, stateHeader } from './state-header';

/** What the signed result says: the agency, the procedure, the dossier and who signed it. */
export interface ResultDocument {
  agencyName: string;
  procedureName: string;
  procedureCode: string | null;
  dossierCode: string;
  applicantName: string;
  /** The leader's name, as the officer list has it. */
  signerName: string;
  signedAt: Date;
}

/**
 * The result of a dossier as a Vietnamese page (kết quả giải quyết thủ tục hành chính), printed
 * to PDF and signed by the leader at the procedure's signature step. Self-contained: its QR is
 * an inline SVG of the dossier code, for the citizen's look-up.
 */
export async function renderResultDocument(result: ResultDocument): Promise<string> {
  const qr = await QRCode.toString(result.dossierCode, { type: 'svg', margin: 1 });
  return `<!doctype html>${
    html`<html lang="vi">
      <head>
        <meta charset="utf-8" />
        <title>Kết quả giải quyết — ${result.dossierCode}</title>
        <style>
          ${new Raw(PAPER_STYLE)} h1 {
            font-size: 15pt;
            text-align: center;
            margin: 1.5em 0 0.5em;
          }
          .signer {
            margin-top: 2em;
            margin-left: 50%;
            text-align: center;
          }
        </style>
      </head>
      <body>
        ${stateHeader(html`<strong>${result.agencyName.toUpperCase()}</strong>`)}
        <h1>KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH</h1>
        <p>
          Thủ tục: <strong>${result.procedureName}</strong>${
            result.procedureCode ? ` (mã ${result.procedureCode})` : ''
          }
        </p>
        <p>Mã hồ sơ: <strong>${result.dossierCode}</strong></p>
        <p>Người nộp hồ sơ: ${result.applicantName}</p>
        <p>
          Hồ sơ đã được giải quyết. Kết quả giải quyết này là văn bản điện tử, được ký số bởi người
          có thẩm quyền; tra cứu và kiểm tra chữ ký tại cổng tra cứu hồ sơ bằng mã hồ sơ.
        </p>
        <div class="qr">${new Raw(qr)}</div>
        <div class="signer">
          <p><em>${vnDateTime(result.signedAt)}</em></p>
          <p><strong>NGƯỜI KÝ</strong></p>
          <p>${result.signerName}</p>
          <p><em>(Đã ký số)</em></p>
        </div>
      </body>
    </html>`.text
  }`;
}
