import { el } from './dom';
import { hasWord, t } from './i18n';
import type { OfficerPage } from './officer-page';

/**
 * The designer's panel for moving the running dossiers of an earlier version to the version
 * opened: a dry run with counts by step and the dossiers that cannot move, then the move.
 */

interface RefusedInstance {
  instanceId: string;
  businessKey: string | null;
  refusals: { code: string; elementId: string }[];
}

const PLAN = '$key: String!, $from: Int!, $to: Int!, $mapping: [ElementMappingInput!]';
const PREVIEW = `query (${PLAN}) {
  migrationPreview(key: $key, fromVersion: $from, toVersion: $to, mapping: $mapping) {
    instances movable refusedCount byElement { fromElementId toElementId instances }
    refused { instanceId businessKey refusals { code elementId } } } }`;
const RUN = `mutation (${PLAN}, $reason: String!) {
  migrateInstances(key: $key, fromVersion: $from, toVersion: $to, mapping: $mapping, reason: $reason) {
    migrated skipped refusedCount refused { instanceId businessKey refusals { code elementId } } } }`;

/** The refused dossiers shown; the counts say how many in all. */
const SHOWN = 50;

export class MigrationPanel {
  private target: { key: string; version: number } | undefined;
  /** The plan the last dry run was of, and how many it found movable: the move needs one. */
  private previewed: { plan: string; movable: number } | undefined;

  constructor(private readonly page: OfficerPage) {
    const click = (id: string, work: () => Promise<void>) =>
      document
        .querySelector(id)!
        .addEventListener('click', () => void work().catch(() => undefined));
    click('#migrate-preview', () => this.preview());
    click('#migrate-run', () => this.run());
    // A changed plan needs its own dry run before it may move anything.
    for (const id of ['#migrate-mapping', '#migrate-from']) {
      document.querySelector(id)!.addEventListener('input', () => this.forgetPreview());
    }
    this.forgetPreview();
  }

  private forgetPreview(): void {
    this.previewed = undefined;
    document.querySelector<HTMLButtonElement>('#migrate-run')!.disabled = true;
  }

  /** The version opened becomes the target; the earlier ones are offered as sources. */
  show(key: string, version: number, versions: readonly number[]): void {
    this.target = { key, version };
    const earlier = versions.filter((v) => v < version);
    document.querySelector<HTMLElement>('#migrate-none')!.hidden = earlier.length > 0;
    document.querySelector<HTMLElement>('#migrate-form')!.hidden = earlier.length === 0;
    document
      .querySelector('#migrate-from')!
      .replaceChildren(...earlier.map((v) => el('option', { value: String(v) }, `v${v}`)));
    document.querySelector('#migrate-result')!.replaceChildren();
    this.forgetPreview();
  }

  /** The plan on the form; a mapping line it cannot read is said, naming it, and none is sent. */
  private plan(): Record<string, unknown> | undefined {
    const text = document.querySelector<HTMLTextAreaElement>('#migrate-mapping')!.value;
    const mapping = mappingOf(text);
    if (typeof mapping === 'string') {
      document.querySelector('#migrate-result')!.replaceChildren();
      this.page.fail(mapping);
      return undefined;
    }
    const from = Number(document.querySelector<HTMLSelectElement>('#migrate-from')!.value);
    return { key: this.target?.key, from, to: this.target?.version, mapping };
  }

  private async preview(): Promise<void> {
    this.forgetPreview();
    const plan = this.plan();
    if (!plan) return;
    const { migrationPreview: p } = await this.page.call<{
      migrationPreview: {
        instances: number;
        movable: number;
        refusedCount: number;
        byElement: { fromElementId: string; toElementId: string; instances: number }[];
        refused: RefusedInstance[];
      };
    }>(PREVIEW, plan);
    if (JSON.stringify(plan) === JSON.stringify(this.plan())) {
      this.previewed = { plan: JSON.stringify(plan), movable: p.movable };
      document.querySelector<HTMLButtonElement>('#migrate-run')!.disabled = p.movable === 0;
    }
    const dossiers = t('designer.migration.dossiers');
    this.showResult(
      `${t('designer.migration.counts')}: ${p.instances} — ${p.movable} ${t('designer.migration.movable')}, ${p.refusedCount} ${t('designer.migration.refused')}`,
      p.byElement.map((row) => {
        const to = row.toElementId === row.fromElementId ? '' : ` → ${row.toElementId}`;
        return el(
          'li',
          { 'data-element': row.fromElementId },
          `${row.fromElementId}${to}: ${row.instances} ${dossiers}`,
        );
      }),
      p.refused,
    );
  }

  /** The move: only of the plan last dry run, and once the designer confirms it. */
  private async run(): Promise<void> {
    const plan = this.plan();
    const previewed = this.previewed;
    if (!plan || !previewed || previewed.plan !== JSON.stringify(plan)) return this.forgetPreview();
    const dossiers = t('designer.migration.dossiers');
    const question = `${t('designer.migration.confirm')} ${previewed.movable} ${dossiers} → v${String(plan.to)}?`;
    if (!window.confirm(question)) return;
    const reason = document.querySelector<HTMLInputElement>('#migrate-reason')!.value;
    this.forgetPreview();
    const { migrateInstances: r } = await this.page.call<{
      migrateInstances: {
        migrated: number;
        skipped: number;
        refusedCount: number;
        refused: RefusedInstance[];
      };
    }>(RUN, { ...plan, reason });
    this.showResult(
      `${t('designer.migration.moved')}: ${r.migrated} ${dossiers}, ${r.skipped} ${t('designer.migration.skipped')}, ${r.refusedCount} ${t('designer.migration.refused')}`,
      [],
      r.refused,
    );
  }

  private showResult(summary: string, counts: HTMLElement[], refused: RefusedInstance[]): void {
    const refusals = refused
      .slice(0, SHOWN)
      .map((instance) =>
        el(
          'li',
          { class: 'error', 'data-refused': instance.instanceId },
          `${instance.businessKey ?? instance.instanceId}: ${instance.refusals
            .map((r) => `${r.elementId} — ${refusalText(r.code)}`)
            .join('; ')}`,
        ),
      );
    document
      .querySelector('#migrate-result')!
      .replaceChildren(
        el('p', { id: 'migrate-summary' }, summary),
        el('ul', {}, ...counts, ...refusals),
      );
  }
}

/**
 * The mapping's lines, `old id=new id` each (blank lines skipped); or, for the first line without
 * exactly one `=` or with a side left empty, the words saying which line it is.
 */
function mappingOf(text: string): { from: string; to: string }[] | string {
  const mapping: { from: string; to: string }[] = [];
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const parts = line.split('=').map((part) => part.trim());
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      return `${t('designer.migration.line')} ${index + 1} (${line.trim()}): ${t('designer.migration.badLine')}`;
    }
    mapping.push({ from: parts[0], to: parts[1] });
  }
  return mapping;
}

/** A refusal's words; an error moving the dossier (EXPRESSION_FAILED, ...) by its code. */
function refusalText(code: string): string {
  return hasWord(`designer.migration.${code}`) ? t(`designer.migration.${code}`) : code;
}
