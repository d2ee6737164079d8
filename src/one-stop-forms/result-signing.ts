import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { X509Certificate } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { completeTask } from '../commands/tasks';
import type { SigningSettings } from '../config';
import type { Variables } from '../engine/types';
import { AppError } from '../errors';
import { definitionById } from '../store/definitions';
import type { DossierEntity, TaskEntity } from '../store/entities';
import { isUuid } from '../store/instances';
import { agencyByCode } from '../store/officers';
import { dossierOfInstance, insertSignedResult } from '../store/signed-results';
import type { Store } from '../store/store';
import { readTask, type TaskGuard } from '../store/tasks';
import type { PdfPrinter } from './pdf';
import { certificatesOfPem, signPdf, verifySignedPdf, type Verification } from './pdf-signature';
import { renderResultDocument } from './result-document';

/** A username that can name a file of the certificates' folder, and nothing above it. */
const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/;

/** How many stored results' verifications are kept in memory. */
const VERIFIED_KEPT = 10_000;

/**
 * Signs the result when a leader completes a `tthc:signature` step of a dossier, and verifies
 * signed results against the trusted authorities (see SigningSettings). Without a folder of
 * certificates, signature steps complete as any other and nothing is signed.
 */
export class ResultSigner {
  private readonly trusted: X509Certificate[];

  constructor(
    private readonly printer: PdfPrinter,
    private readonly settings: SigningSettings = { passphrase: '' },
  ) {
    // Read once, at start: a CA file that is missing or holds no certificate is said at once.
    this.trusted = settings.trustedCaFile
      ? certificatesOfPem(readFileSync(settings.trustedCaFile, 'utf8'))
      : [];
    if (settings.trustedCaFile && this.trusted.length === 0) {
      throw new Error(`SIGNING_TRUSTED_CA: ${settings.trustedCaFile} holds no PEM certificate`);
    }
  }

  /** Whether a signed PDF verifies, who signed it and when. */
  verify(pdf: Buffer): Verification {
    return verifySignedPdf(pdf, this.trusted);
  }

  /**
   * verify, for a stored result: its bytes never change and the trusted CAs are read once, so
   * the answer is kept (a page of dossiers does not verify each PDF on every read).
   */
  verifyStored(id: string, pdf: Buffer): Verification {
    let known = this.verified.get(id);
    if (!known) {
      if (this.verified.size >= VERIFIED_KEPT) this.verified.clear();
      known = this.verify(pdf);
      this.verified.set(id, known);
    }
    return known;
  }

  private readonly verified = new Map<string, Verification>();

  /**
   * Completes a task as `principal`. A signature step of a dossier, completed by a leader while
   * signing is on: the result is printed and signed with the leader's certificate first (no lock
   * is held while Chromium prints), and kept in the transaction that completes the task. A leader
   * with no certificate is refused (SIGNING_CERTIFICATE_MISSING) and nothing changes.
   */
  async complete(
    store: Store,
    input: {
      taskId: string;
      variables: Variables;
      principal: Principal;
      now: Date;
      guard: TaskGuard;
    },
  ): Promise<TaskEntity> {
    const { principal, now } = input;
    const completion = { ...input, actor: principal.username };
    const task = isUuid(input.taskId) ? await readTask(store, input.taskId) : null;
    const dossier = task && (await this.signedFor(store, task, principal));
    if (!task || !dossier) return completeTask(store, completion);
    // Whether they may, before printing: the same guard decides again under the lock.
    await input.guard(store, task);
    const p12 = await this.certificateOf(principal.username, task);
    const signed = await this.signResult(store, dossier, principal, p12, now);
    return completeTask(store, {
      ...completion,
      record: (tx, locked) =>
        insertSignedResult(tx, {
          dossierCode: dossier.code,
          taskId: locked.id,
          signedBy: principal.username,
          signerName: signed.signerName,
          signedAt: now,
          pdf: signed.pdf,
        }),
    });
  }

  /** The dossier whose result this completion signs; null when it signs nothing. */
  private async signedFor(
    store: Store,
    task: TaskEntity,
    principal: Principal,
  ): Promise<DossierEntity | null> {
    const open = task.state === 'OPEN' || task.state === 'CLAIMED';
    if (!this.settings.certificatesDir || !task.needsSignature || !open) return null;
    // Only a leader completes it: the guard refuses anyone else.
    if (!principal.roles.includes('leader')) return null;
    return dossierOfInstance(store, task.instanceId);
  }

  /** The leader's PKCS#12, `<username>.p12` in the certificates' folder. */
  private async certificateOf(username: string, task: TaskEntity): Promise<Buffer> {
    const missing = () =>
      new AppError(
        'SIGNING_CERTIFICATE_MISSING',
        `Task '${task.id}' (${task.elementId}) signs the result, and '${username}' has no certificate to sign it with`,
        { taskId: task.id, elementId: task.elementId },
      );
    if (!FILE_NAME.test(username)) throw missing();
    try {
      return await readFile(path.join(this.settings.certificatesDir!, `${username}.p12`));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw missing();
      throw error;
    }
  }

  /** The result page printed to PDF and signed with the leader's PKCS#12. */
  private async signResult(
    store: Store,
    dossier: DossierEntity,
    principal: Principal,
    p12: Buffer,
    now: Date,
  ): Promise<{ pdf: Buffer; signerName: string }> {
    const [agency, definition] = await Promise.all([
      agencyByCode(store, dossier.agencyCode),
      definitionById(store, dossier.definitionId),
    ]);
    const agencyName = agency?.name ?? dossier.agencyCode;
    const page = await renderResultDocument({
      agencyName,
      procedureName: definition.name ?? definition.key,
      procedureCode: definition.procedureCode,
      dossierCode: dossier.code,
      applicantName: dossier.applicant.name,
      signerName: principal.fullName,
      signedAt: now,
    });
    const pdf = await this.printer.print(page);
    let signed: Buffer;
    try {
      signed = await signPdf(pdf, p12, this.settings.passphrase, {
        reason: `Ký duyệt kết quả giải quyết hồ sơ ${dossier.code}`,
        location: agencyName,
        name: principal.fullName,
        signingTime: now,
      });
    } catch (error) {
      throw new AppError(
        'SIGNING_FAILED',
        `The certificate of '${principal.username}' could not sign: ${(error as Error).message}`,
        { dossierCode: dossier.code },
      );
    }
    // Kept only if it verifies here and now: a certificate expired, or of a CA the office does
    // not trust, would sign a result nobody can rely on (nor count as an electronic result).
    const check = this.verify(signed);
    if (!check.valid) {
      throw new AppError(
        'SIGNING_FAILED',
        `The signature of '${principal.username}' does not verify (${check.reason}): see the certificate and SIGNING_TRUSTED_CA`,
        { dossierCode: dossier.code },
      );
    }
    return { pdf: signed, signerName: check.signedBy };
  }
}
