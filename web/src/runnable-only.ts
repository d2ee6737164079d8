/**
 * The designer offers only what the engine runs: the change-type menu (the wrench) drops the
 * elements a deploy would refuse (transactions, ad-hoc sub-processes, complex gateways, cancel
 * events, compensation start events, instantiating event gateways). Kept in step with the
 * engine by test/e2e (the designer's menu) and src/bpmn/compile.ts (what deploys).
 */
const REFUSED = [
  'transaction',
  'ad-hoc-subprocess',
  'complex-gateway',
  'cancel-',
  'compensation-start',
  'event-based-instantiate-gateway',
];

type Entries = Record<string, unknown>;

interface PopupMenu {
  registerProvider(id: string, priority: number, provider: object): void;
}

/** Whether a change-type entry turns an element into something the engine refuses. */
export const refusedEntry = (entryId: string): boolean =>
  REFUSED.some((part) => entryId.includes(part));

function RunnableOnly(popupMenu: PopupMenu) {
  popupMenu.registerProvider('bpmn-replace', 500, {
    getPopupMenuEntries: () => (entries: Entries) =>
      Object.fromEntries(Object.entries(entries).filter(([id]) => !refusedEntry(id))),
  });
}
RunnableOnly.$inject = ['popupMenu'];

export const runnableOnly = { __init__: ['runnableOnly'], runnableOnly: ['type', RunnableOnly] };
