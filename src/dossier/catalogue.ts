import type { Store } from '../store/store';
import type { DossierComponent } from '../bpmn/model';
import { listDefinitions } from '../store/definitions';

/** What an office must post of each procedure (công khai thủ tục hành chính). */
export interface PublishedProcedure {
  key: string;
  version: number;
  code: string;
  name: string;
  englishName: string | null;
  field: string | null;
  statutoryDuration: string | null;
  fee: string | null;
  /** How reception computes the fee (FEEL), when the procedure says. */
  feeRule: string | null;
  /** Values an administrator has still to confirm against the legal text. */
  unverified: string[];
  components: DossierComponent[];
  /** The officers' steps, in the order they come in the file. */
  steps: string[];
}

/**
 * The public catalogue: the latest version of every procedure (a process with a national code),
 * by field, and matching the search in its name (Vietnamese or English) or code, with or without
 * diacritics — "dang ky khai sinh" finds "Đăng ký khai sinh".
 */
export async function publishedProcedures(
  store: Store,
  filter: { field?: string; search?: string },
): Promise<PublishedProcedure[]> {
  const wanted = filter.search === undefined ? undefined : fold(filter.search);
  return (await listDefinitions(store))
    .filter((definition) => definition.procedureCode)
    .map(({ key, version, procedureCode, name, model }) => ({
      key,
      version,
      code: procedureCode!,
      name: name ?? key,
      englishName: model.englishName ?? null,
      field: model.field ?? null,
      statutoryDuration: model.statutoryDuration ?? null,
      fee: model.fee ?? null,
      feeRule: model.feeRule ?? null,
      unverified: model.unverified ?? [],
      components: model.components,
      steps: Object.values(model.nodes)
        .filter((node) => node.type === 'userTask')
        .map((node) => node.name ?? node.id),
    }))
    .filter((procedure) => filter.field === undefined || procedure.field === filter.field)
    .filter(
      (procedure) =>
        wanted === undefined ||
        [procedure.name, procedure.englishName ?? '', procedure.code].some((text) =>
          fold(text).includes(wanted),
        ),
    )
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Lower case without diacritics (đ as d), spaces folded: what a search compares. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
