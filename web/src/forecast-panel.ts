import { el } from './dom';
import { shortfallOf } from './forecast-shortfall';
import { t } from './i18n';

/** A step's figures over the weeks the what-if played. */
interface ForecastStep {
  elementId: string;
  name: string | null;
  meanQueue: number;
  maxQueue: number;
  meanWaitMinutes: number | null;
}
interface Forecast {
  observedDossiers: number | null;
  dossiers: number;
  unfinished: number;
  failed: number;
  unservedTasks: number;
  onTimeRate: number | null;
  timeToResultP50Hours: number | null;
  timeToResultP90Hours: number | null;
  steps: ForecastStep[];
}

/** What the panel needs of the designer page: its calls, the diagram on screen, its canvas. */
export interface ForecastHost {
  call<T>(query: string, variables: Record<string, unknown>): Promise<T>;
  xml(): Promise<string | undefined>;
  canvas: {
    addMarker(id: string, marker: string): void;
    removeMarker(id: string, m: string): void;
  };
}

type Marker = 'forecast-low' | 'forecast-mid' | 'forecast-high';

/** Light for a step with under one task waiting a day on average, heavy from five. */
function markerOf(step: ForecastStep): Marker {
  return step.meanQueue < 1
    ? 'forecast-low'
    : step.meanQueue < 5
      ? 'forecast-mid'
      : 'forecast-high';
}

/**
 * The "Dự báo" panel beside the diagram: simulates the diagram on screen (the draft, as it
 * stands) at the officer's agency over the weeks asked, and colours each step by the queue it
 * is predicted to have, with the figures in a table.
 */
export function forecastPanel(host: ForecastHost): void {
  const run = document.querySelector<HTMLButtonElement>('#forecast-run')!;
  let coloured: ForecastStep[] = [];
  run.addEventListener('click', () => {
    void (async () => {
      const bpmnXml = await host.xml();
      if (!bpmnXml) return;
      const weeks = Number(document.querySelector<HTMLInputElement>('#forecast-weeks')!.value);
      const { whatIf } = await host.call<{ whatIf: Forecast[] }>(
        `query ($xml: String!, $weeks: Int!) { whatIf(scenarios: [{ bpmnXml: $xml }], weeks: $weeks) {
           observedDossiers dossiers unfinished failed unservedTasks
           onTimeRate timeToResultP50Hours timeToResultP90Hours
           steps { elementId name meanQueue maxQueue meanWaitMinutes } } }`,
        { xml: bpmnXml, weeks },
      );
      for (const step of coloured) host.canvas.removeMarker(step.elementId, markerOf(step));
      coloured = whatIf[0].steps;
      for (const step of coloured) host.canvas.addMarker(step.elementId, markerOf(step));
      show(whatIf[0]);
    })().catch(() => undefined);
  });
}

function show(forecast: Forecast): void {
  if (forecast.observedDossiers === 0) {
    document.querySelector('#forecast-summary')!.textContent = t('designer.forecast.nothing');
    document.querySelector('#forecast-steps')!.replaceChildren();
    return;
  }
  const percent = forecast.onTimeRate === null ? '—' : `${Math.round(forecast.onTimeRate * 100)}%`;
  const hours = (value: number | null) => (value === null ? '—' : `${value}`);
  document.querySelector('#forecast-summary')!.textContent = t('designer.forecast.summary')
    .replace('{dossiers}', String(forecast.dossiers))
    .replace('{onTime}', percent)
    .replace('{p50}', hours(forecast.timeToResultP50Hours))
    .replace('{p90}', hours(forecast.timeToResultP90Hours));
  const shortfall = shortfallOf(forecast, t);
  if (shortfall) document.querySelector('#forecast-summary')!.textContent += ` ${shortfall}`;
  const head = el(
    'tr',
    {},
    ...[
      'designer.forecast.step',
      'designer.forecast.queue',
      'designer.forecast.maxQueue',
      'designer.forecast.wait',
    ].map((key) => el('th', {}, t(key))),
  );
  const rows = forecast.steps.map((step) =>
    el(
      'tr',
      { 'data-element': step.elementId, class: markerOf(step) },
      el('td', {}, step.name ?? step.elementId),
      el('td', {}, String(step.meanQueue)),
      el('td', {}, String(step.maxQueue)),
      el('td', {}, step.meanWaitMinutes === null ? '—' : String(step.meanWaitMinutes)),
    ),
  );
  document.querySelector('#forecast-steps')!.replaceChildren(head, ...rows);
}
