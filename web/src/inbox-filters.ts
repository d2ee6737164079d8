import { el } from './dom';
import { t } from './i18n';

/** What the inbox is narrowed to (MyTaskFilter), and which page of it is shown. */
export interface InboxFilter {
  search?: string;
  procedureKey?: string;
  state?: 'OPEN';
  claimedByMe?: boolean;
  dueToday?: boolean;
  overdue?: boolean;
}

export interface Counts {
  open: number;
  claimedByMe: number;
  dueToday: number;
  overdue: number;
}

/** Each count is a link to its list: which filter it sets. */
const COUNT_FILTERS: [keyof Counts, string, InboxFilter][] = [
  ['open', 'inbox.open', { state: 'OPEN' }],
  ['claimedByMe', 'inbox.mine', { claimedByMe: true }],
  ['dueToday', 'inbox.today', { dueToday: true }],
  ['overdue', 'inbox.overdue', { overdue: true }],
];

const $ = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector)!;

/**
 * The inbox's search form, its counts as links to their lists, and its pages (forward by the
 * server's cursor, back by the cursors seen). Any change calls `reload`.
 */
export class InboxFilters {
  /** What the search form narrows to. */
  private narrow: InboxFilter = {};
  /** The list a count shows (open, mine, due today, overdue), or none. */
  private list: InboxFilter = {};
  /** The procedure the address asks for, chosen once the list of procedures is in. */
  private wantedProcedure = '';
  /** The cursor each page starts after; page 0 starts at the beginning. */
  private starts: (string | undefined)[] = [undefined];
  private page = 0;

  constructor(private readonly reload: () => void) {
    const form = $<HTMLFormElement>('#filters');
    this.readAddress(form);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const search = String(data.get('search') ?? '').trim();
      const procedureKey = String(data.get('procedureKey') ?? '');
      this.narrow = { ...(search && { search }), ...(procedureKey && { procedureKey }) };
      this.firstPage();
    });
    $('#previous').addEventListener('click', () => this.turn(-1));
    $('#next').addEventListener('click', () => this.turn(1));
  }

  get filter(): InboxFilter {
    return { ...this.narrow, ...this.list };
  }

  get after(): string | undefined {
    return this.starts[this.page];
  }

  /** The procedures to choose from, once. */
  showProcedures(procedures: { key: string; name: string | null }[]): void {
    const select = $<HTMLSelectElement>('#filters select[name=procedureKey]');
    if (select.options.length > 1) return;
    select.append(...procedures.map((p) => el('option', { value: p.key }, p.name ?? p.key)));
    select.value = this.wantedProcedure;
    $<HTMLInputElement>('#filters input[name=search]').placeholder = t('inbox.search.hint');
  }

  /** The counts of the whole inbox, each a button that shows its list (pressed when shown). */
  showCounts(counts: Counts): void {
    const buttons = COUNT_FILTERS.map(([key, label, filter]) => {
      const shown = JSON.stringify(this.list) === JSON.stringify(filter);
      const button = el(
        'button',
        { type: 'button', 'data-count': key, 'aria-pressed': String(shown) },
        `${t(label)}: ${counts[key]}`,
      );
      button.addEventListener('click', () => this.show(shown ? {} : filter));
      return button;
    });
    const everything = el('button', { type: 'button', 'data-count': 'all' }, t('inbox.everything'));
    everything.addEventListener('click', () => this.show({}));
    $('#counts').replaceChildren(...buttons.flatMap((b) => [b, ' · ']), everything);
  }

  showPager(page: { hasNextPage: boolean }, rows: number): void {
    $<HTMLButtonElement>('#previous').disabled = this.page === 0;
    $<HTMLButtonElement>('#next').disabled = !page.hasNextPage;
    $('#page-number').textContent =
      rows === 0 ? t('inbox.nothing') : `${t('inbox.page')} ${this.page + 1}`;
  }

  /** The next page starts after this cursor. */
  nextStartsAfter(cursor: string | null): void {
    this.starts[this.page + 1] = cursor ?? undefined;
  }

  private show(list: InboxFilter): void {
    this.list = list;
    this.firstPage();
  }

  private firstPage(): void {
    this.starts = [undefined];
    this.page = 0;
    this.writeAddress();
    this.reload();
  }

  /** A list is shared by its address: `?search=…&procedure=…&list=overdue` (the hash stays). */
  private writeAddress(): void {
    const listed = COUNT_FILTERS.find(([, , f]) => JSON.stringify(f) === JSON.stringify(this.list));
    const address = new URLSearchParams({
      ...(this.narrow.search && { search: this.narrow.search }),
      ...(this.narrow.procedureKey && { procedure: this.narrow.procedureKey }),
      ...(listed && { list: listed[0] }),
    });
    const query = address.toString();
    history.replaceState(
      null,
      '',
      `${location.pathname}${query ? `?${query}` : ''}${location.hash}`,
    );
  }

  private readAddress(form: HTMLFormElement): void {
    const address = new URLSearchParams(location.search);
    const search = address.get('search') ?? '';
    const procedureKey = address.get('procedure') ?? '';
    this.narrow = { ...(search && { search }), ...(procedureKey && { procedureKey }) };
    (form.elements.namedItem('search') as HTMLInputElement).value = search;
    this.list = COUNT_FILTERS.find(([key]) => key === address.get('list'))?.[2] ?? {};
    this.wantedProcedure = procedureKey;
  }

  private turn(by: number): void {
    this.page = Math.max(0, this.page + by);
    this.reload();
  }
}
