/** The counts of a forecast that say what its other figures leave out. */
export interface Shortfall {
  unfinished: number;
  failed: number;
  unservedTasks: number;
}

/** The words of each count (web/src/i18n.ts), `{n}` standing for it. */
export const SHORTFALL_WORDS: [keyof Shortfall, string][] = [
  ['unfinished', 'designer.forecast.unfinished'],
  ['failed', 'designer.forecast.failed'],
  ['unservedTasks', 'designer.forecast.unserved'],
];

/**
 * What the figures leave out, said when not zero: dossiers still open after the run's 52 weeks
 * more, dossiers the process could not carry on, tasks no officer of the run could do. `say`
 * gives a key's words in the page's language. Apart from the page, so that it is tested bare.
 */
export function shortfallOf(forecast: Shortfall, say: (key: string) => string): string {
  return SHORTFALL_WORDS.filter(([count]) => forecast[count] > 0)
    .map(([count, key]) => say(key).replace('{n}', String(forecast[count])))
    .join(' ');
}
