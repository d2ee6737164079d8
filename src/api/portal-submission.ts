import { createHash } from 'node:crypto';
import { applicantInput } from '../dossier/applicant';
import type { OnlineSubmission, SubmittedPaper } from '../dossier/online-submission';
import { AppError } from '../errors';
import type {
  NotificationChannel,
  ResultReturnMethod,
  SubmittedComponent,
} from '../store/entities';
import { variablesInput } from './inputs';

/** The largest body a portal may send: its papers' files, in base64, and the rest. */
export const SUBMISSION_BODY_LIMIT = '32mb';
/** The largest file one paper may carry, in bytes (once decoded). */
export const PAPER_MAX_BYTES = 10 * 1024 * 1024;
/** The most papers one submission may carry. */
export const MAX_PAPERS = 50;

/** The files a paper may be, each known by its first bytes. */
const CONTENT_TYPES: Record<string, Buffer> = {
  'application/pdf': Buffer.from('%PDF-'),
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};
const KINDS: SubmittedComponent['kind'][] = ['ORIGINAL', 'CERTIFIED_COPY', 'PHOTOCOPY'];
const DELIVERIES: ResultReturnMethod[] = ['AT_DESK', 'BY_POST', 'AT_HOME', 'ONLINE'];
const SUBMISSION_ID = /^[\p{L}\p{N}._:/-]{1,255}$/u;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** A paper's file over PAPER_MAX_BYTES: answered 413, naming the field. */
export class PaperTooLarge extends Error {
  constructor(readonly field: string) {
    super(`'${field}' is over ${PAPER_MAX_BYTES} bytes`);
  }
}

type Fields = Record<string, unknown>;

const CHANNELS: NotificationChannel[] = ['SMS', 'ZALO', 'EMAIL'];

const invalid = (field: string, what: string) =>
  new AppError('BAD_USER_INPUT', `'${field}' must be ${what}`, { field });

/** The submission's fields, each checked, the first wrong one named. */
export function submissionOf(body: Fields): OnlineSubmission {
  refuseNul(body, '');
  const delivery = body.resultDelivery;
  if (delivery !== undefined && !DELIVERIES.includes(delivery as ResultReturnMethod))
    throw invalid('resultDelivery', DELIVERIES.join(', '));
  if (body.partial !== undefined && typeof body.partial !== 'boolean')
    throw invalid('partial', 'true or false');
  const notifyBy = body.notifyBy;
  if (notifyBy !== undefined && !CHANNELS.includes(notifyBy as NotificationChannel))
    throw invalid('notifyBy', CHANNELS.join(', '));
  const submissionId = text(body, 'submissionId', 255);
  if (!SUBMISSION_ID.test(submissionId))
    throw invalid('submissionId', 'letters, digits and . _ : / - only');
  return {
    submissionId,
    procedure: text(body, 'procedure', 255),
    agencyCode: text(body, 'agencyCode', 64),
    applicant: applicantInput(object(body.applicant, 'applicant')),
    variables: variablesInput(body.variables, 'variables'),
    ...(delivery !== undefined && { resultDelivery: delivery as ResultReturnMethod }),
    ...(body.partial === true && { partial: true }),
    ...(notifyBy !== undefined && { notifyBy: notifyBy as NotificationChannel }),
    papers: papersOf(body.papers),
  };
}

function papersOf(value: unknown): SubmittedPaper[] {
  if (!Array.isArray(value)) throw invalid('papers', 'a list of papers');
  if (value.length > MAX_PAPERS) throw invalid('papers', `at most ${MAX_PAPERS} papers`);
  return value.map((item: unknown, index) => {
    const field = `papers[${index}]`;
    const paper = object(item, field);
    const kind = paper.kind as SubmittedComponent['kind'];
    if (!KINDS.includes(kind)) throw invalid(`${field}.kind`, KINDS.join(', '));
    return {
      name: text(paper, 'name', 255, field),
      kind,
      ...(paper.file !== undefined && { file: fileOf(paper.file, `${field}.file`) }),
    };
  });
}

/** A paper's file: its bytes in base64, of a type it is, within the size, with its digest if said. */
function fileOf(value: unknown, field: string): NonNullable<SubmittedPaper['file']> {
  const file = object(value, field);
  const contentType = text(file, 'contentType', 100, field);
  const magic = CONTENT_TYPES[contentType];
  if (!magic) invalidAt(field, 'contentType', Object.keys(CONTENT_TYPES).join(', '));
  const encoded = file.content;
  if (typeof encoded !== 'string' || encoded.length === 0)
    invalidAt(field, 'content', 'the file in base64, not empty');
  if (encoded.length > Math.ceil(PAPER_MAX_BYTES / 3) * 4)
    throw new PaperTooLarge(`${field}.content`);
  if (encoded.length % 4 !== 0 || !BASE64.test(encoded))
    invalidAt(field, 'content', 'the file in base64');
  const content = Buffer.from(encoded, 'base64');
  if (content.length > PAPER_MAX_BYTES) throw new PaperTooLarge(`${field}.content`);
  if (!content.subarray(0, magic.length).equals(magic))
    invalidAt(field, 'content', `a file of type ${contentType}`);
  if (file.sha256 !== undefined) {
    const digest = createHash('sha256').update(content).digest('hex');
    if (typeof file.sha256 !== 'string' || !SHA256.test(file.sha256))
      invalidAt(field, 'sha256', 'the hex SHA-256 of the file, in lower case');
    if (file.sha256 !== digest) invalidAt(field, 'sha256', 'the SHA-256 of the file sent');
  }
  const fileName =
    file.name === undefined ? undefined : text(file, 'name', 255, field).replace(/[/\\]/g, '_');
  return { contentType, content, ...(fileName !== undefined && { fileName }) };
}

function invalidAt(parent: string, name: string, what: string): never {
  throw invalid(`${parent}.${name}`, what);
}

/** Text of 1 to `max` characters, trimmed. */
function text(fields: Fields, name: string, max: number, parent?: string): string {
  const value = fields[name];
  const field = parent ? `${parent}.${name}` : name;
  if (typeof value !== 'string' || value.trim() === '' || value.trim().length > max)
    throw invalid(field, `text of 1 to ${max} characters`);
  return value.trim();
}

function object(value: unknown, field: string): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(field, 'a JSON object');
  return value as Fields;
}

/** No text anywhere in the body holds a NUL: PostgreSQL keeps none. Names where it is. */
function refuseNul(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.includes('\0'))
      throw new AppError('BAD_USER_INPUT', `'${path}' may not contain the NUL character`, {
        field: path,
      });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => refuseNul(item, `${path}[${index}]`));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) refuseNul(item, path ? `${path}.${key}` : key);
  }
}
