import { html, type Raw } from './html';

/** The rules every printed paper shares: its type, the header's two columns, the QR's size. */
export const PAPER_STYLE = `
  body { font-family: 'Times New Roman', serif; font-size: 14pt; }
  header { display: flex; justify-content: space-between; text-align: center; }
  .qr { width: 3cm; height: 3cm; }`;

/** The head of an administrative paper: the agency on the left, the state's motto on the right. */
export function stateHeader(agency: Raw): Raw {
  return html`<header>
    <div>${agency}</div>
    <div><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br />Độc lập - Tự do - Hạnh phúc</div>
  </header>`;
}
