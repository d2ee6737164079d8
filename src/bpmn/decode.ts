import { TextDecoder } from 'node:util';
import { AppError } from '../errors';

/**
 * The text of a BPMN file from its bytes, in the encoding its XML declaration names: older
 * modelers write ISO-8859-1 or windows-1252, and reading those as UTF-8 would garble every
 * accented name. A byte-order mark or no declaration means UTF-8, as XML says.
 */
export function decodeBpmnFile(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|ï»¿)?<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    head,
  )?.[1];
  const encoding = (declared ?? 'utf-8').toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    throw new AppError(
      'BPMN_INVALID',
      `The BPMN file declares the encoding '${declared}', which cannot be read; save it as UTF-8`,
    );
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new AppError(
      'BPMN_INVALID',
      `The BPMN file is not valid ${declared ?? 'UTF-8'} as its XML declaration says; save it as UTF-8`,
    );
  }
}
