import { createHash } from 'node:crypto';
import type { Variables } from '../engine/types';
import { AppError, notFound } from '../errors';
import { latestDefinition, latestDefinitionByCode } from '../store/definitions';
import { storePapers, type PaperFile } from '../store/dossier-papers';
import type {
  Applicant,
  DossierChannel,
  DossierEntity,
  NotificationChannel,
  ProcessDefinitionEntity,
  ResultReturnMethod,
  SubmittedComponent,
} from '../store/entities';
import { agencyByCode } from '../store/officers';
import type { Store } from '../store/store';
import { receiveOnce, type Receiver } from './receive';

/**
 * Who receives an online submission: no officer sits at a desk for it, the portal hands it in.
 * Its receipt (Form 01) and the dossier's `receivedBy` say so.
 */
export const PORTAL_RECEIVER = 'portal';

/** A submission (hồ sơ trực tuyến) as a public service portal (cổng dịch vụ công) sends it. */
export interface OnlineSubmission {
  /** The portal's id of the submission: sent again, it gives the same dossier. */
  submissionId: string;
  /** The procedure: our process key, or its national procedure code (mã TTHC, `1.001193`). */
  procedure: string;
  /** The agency it is submitted to, by its code. */
  agencyCode: string;
  applicant: Applicant;
  /** The application form's data. */
  variables: Variables;
  resultDelivery?: ResultReturnMethod;
  /** How the citizen chose to be told of each turn (see ReceiveInput). */
  notifyBy?: NotificationChannel;
  /** The citizen brings (some of) the papers to the desk: partly online (ONLINE_PARTIAL). */
  partial?: boolean;
  papers: SubmittedPaper[];
}

/** One paper of the submission, with its file when it came as one. */
export interface SubmittedPaper {
  name: string;
  kind: SubmittedComponent['kind'];
  file?: { fileName?: string; contentType: string; content: Buffer };
}

/**
 * Receives an online submission as a dossier of the agency it names, by the portal: once,
 * however often it is sent and however many of its sends arrive together. Its papers' files are
 * written in the reception's transaction: a refused submission keeps nothing. `received` is
 * false when the submission was received before (the dossier is that one).
 */
export async function receiveSubmission(
  store: Store,
  submission: OnlineSubmission,
  now: Date,
): Promise<{ dossier: DossierEntity; received: boolean }> {
  const agency = await agencyByCode(store, submission.agencyCode);
  if (!agency) throw notFound('Agency', submission.agencyCode, { field: 'agencyCode' });
  const definition = await procedureOf(store, submission.procedure);
  const files = filesOf(submission.papers);
  const receiver: Receiver = { username: PORTAL_RECEIVER, agency };
  // The files go with a dossier received now; one received before keeps its own, whatever a
  // later send holds.
  return receiveOnce(
    store,
    {
      procedureKey: definition.key,
      applicant: submission.applicant,
      channel: channelOf(definition, submission.partial === true),
      components: componentsOf(submission.papers),
      submissionId: submission.submissionId,
      variables: submission.variables,
      resultDelivery: submission.resultDelivery,
      notifyBy: submission.notifyBy,
    },
    receiver,
    now,
    (tx, dossier) => storePapers(tx, dossier, files),
  );
}

/** The procedure by its national code, or else by its process key. */
async function procedureOf(store: Store, procedure: string): Promise<ProcessDefinitionEntity> {
  const byCode = await latestDefinitionByCode(store, procedure);
  if (byCode) return byCode;
  try {
    return await latestDefinition(store, procedure);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND')
      throw notFound('Procedure', procedure, { field: 'procedure' });
    throw error;
  }
}

/** Fully online when the procedure is offered so and the citizen brings nothing to the desk. */
function channelOf(definition: ProcessDefinitionEntity, partial: boolean): DossierChannel {
  return definition.model.onlineService === 'full' && !partial ? 'ONLINE_FULL' : 'ONLINE_PARTIAL';
}

/**
 * The components handed in: one per paper's name (several files of one paper count as copies),
 * digitized when a file came with it.
 */
export function componentsOf(papers: readonly SubmittedPaper[]): SubmittedComponent[] {
  const byName = new Map<string, SubmittedComponent>();
  for (const paper of papers) {
    const key = paper.name.normalize('NFC').trim().toLocaleLowerCase('vi');
    const known = byName.get(key);
    if (known) {
      known.count += 1;
      known.digitized ||= paper.file !== undefined;
    } else {
      byName.set(key, {
        name: paper.name,
        kind: paper.kind,
        count: 1,
        digitized: paper.file !== undefined,
      });
    }
  }
  return [...byName.values()];
}

/** The files to keep, each at its paper's place in the submission, with its size and digest. */
function filesOf(papers: readonly SubmittedPaper[]): PaperFile[] {
  return papers.flatMap(({ name, kind, file }, position) =>
    file
      ? [
          {
            position,
            name,
            kind,
            fileName: file.fileName ?? null,
            contentType: file.contentType,
            size: file.content.length,
            sha256: createHash('sha256').update(file.content).digest('hex'),
            content: file.content,
          },
        ]
      : [],
  );
}
