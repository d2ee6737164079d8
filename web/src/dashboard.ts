import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import './style.css';
import { el } from './dom';
import { t, translatePage } from './i18n';
import { OfficerPage } from './officer-page';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  Tooltip,
);

interface Indicator {
  id: string;
  name: string;
  max: number;
  source: string;
  recorded: boolean;
  ratio: number | null;
  points: number;
}

const period = document.querySelector<HTMLFormElement>('#period')!;
const charts: Record<string, Chart | undefined> = {};
const page = new OfficerPage('dashboard.heading', draw);
const round = (value: number) => Math.round(value * 100) / 100;
const percent = (ratio: number | null) => (ratio === null ? '—' : `${round(ratio * 100)}%`);

// The current year until today, unless the address says otherwise (?from=…&to=…&procedure=…):
// a view is shared by its address.
const query = new URLSearchParams(location.search);
const today = new Date().toISOString().slice(0, 10);
period.from.value = query.get('from') ?? `${today.slice(0, 4)}-01-01`;
period.to.value = query.get('to') ?? today;
period.addEventListener('submit', (event) => {
  event.preventDefault();
  const address = new URLSearchParams({
    from: String(period.from.value),
    to: String(period.to.value),
    ...(period.procedure.value && { procedure: String(period.procedure.value) }),
  });
  history.replaceState(null, '', `?${address.toString()}`);
  void draw();
});
translatePage(() => void page.refresh());
void page.refresh();

async function draw(): Promise<void> {
  const from = String(period.from.value);
  const to = String(period.to.value);
  if (period.procedure.options.length === 0) await listProcedures();
  const { serviceIndex, dossierMetrics } = await page.call<{
    serviceIndex: {
      points: number;
      groups: { id: string; name: string; max: number; points: number; indicators: Indicator[] }[];
    };
    // Grouped by month, every row has its month; the schema's field serves every grouping.
    dossierMetrics: { month: string | null; onTimeRate: number | null; received: number }[];
  }>(
    `query ($from: LocalDate!, $to: LocalDate!) {
       serviceIndex(from: $from, to: $to) { points groups { id name max points
         indicators { id name max source recorded ratio points } } }
       dossierMetrics(filter: { from: $from, to: $to }, groupBy: [MONTH]) { month onTimeRate received } }`,
    { from, to },
  );
  document.querySelector('#total')!.textContent =
    `${t('dashboard.total')}: ${round(serviceIndex.points)} / 100`;
  document
    .querySelector('#index')!
    .replaceChildren(
      el(
        'tr',
        {},
        ...['dashboard.indicator', 'dashboard.ratio', 'dashboard.points', 'dashboard.source'].map(
          (key) => el('th', {}, t(key)),
        ),
      ),
      ...serviceIndex.groups.flatMap((group) => [
        el(
          'tr',
          { class: 'group' },
          el('td', {}, group.name),
          el('td', {}, ''),
          el('td', {}, `${round(group.points)} / ${group.max}`),
          el('td', {}, ''),
        ),
        ...group.indicators.map((indicator) =>
          el(
            'tr',
            { 'data-indicator': indicator.id },
            el('td', {}, indicator.name),
            el('td', {}, percent(indicator.ratio)),
            el('td', {}, `${round(indicator.points)} / ${indicator.max}`),
            el(
              'td',
              {},
              indicator.source === 'OBSERVED'
                ? t('dashboard.observed')
                : indicator.recorded
                  ? t('dashboard.recorded')
                  : t('dashboard.missing'),
            ),
          ),
        ),
      ]),
    );
  trendFigures(dossierMetrics);
  chart('trend', 'line', {
    labels: dossierMetrics.map((row) => row.month ?? ''),
    data: dossierMetrics.map((row) =>
      row.onTimeRate === null ? null : round(row.onTimeRate * 100),
    ),
    label: t('dashboard.trend'),
    max: 100,
  });
  await drawSteps(from, to);
}

/** The figures the trend draws, as a table: read by a screen reader, copied by anyone. */
function trendFigures(
  rows: { month: string | null; onTimeRate: number | null; received: number }[],
) {
  const table = document.querySelector('#trend-figures')!;
  const caption = table.querySelector('caption');
  table.replaceChildren(
    ...(caption ? [caption] : []),
    el(
      'tr',
      {},
      ...['dashboard.month', 'dashboard.received', 'dashboard.onTime'].map((key) =>
        el('th', { scope: 'col' }, t(key)),
      ),
    ),
    ...rows.map((row) =>
      el(
        'tr',
        { 'data-month': row.month ?? '' },
        el('td', {}, row.month ?? ''),
        el('td', {}, String(row.received)),
        el('td', {}, percent(row.onTimeRate)),
      ),
    ),
  );
}

async function listProcedures(): Promise<void> {
  const { processDefinitions } = await page.call<{
    processDefinitions: { key: string; name: string | null }[];
  }>(`{ processDefinitions { key name } }`);
  period.procedure.replaceChildren(
    ...processDefinitions.map((d) => el('option', { value: d.key }, d.name ?? d.key)),
  );
  const asked = query.get('procedure');
  if (asked && processDefinitions.some((d) => d.key === asked)) period.procedure.value = asked;
}

/** The chosen procedure's steps, slowest first by p90. */
async function drawSteps(from: string, to: string): Promise<void> {
  const key = String(period.procedure.value);
  if (!key) return;
  const { stepMetrics } = await page.call<{
    stepMetrics: {
      elementId: string;
      name: string | null;
      completed: number;
      averageDays: number | null;
      p90Days: number | null;
      waitingNow: number;
      bottleneck: boolean;
    }[];
  }>(
    `query ($key: String!, $from: LocalDate!, $to: LocalDate!) {
       stepMetrics(processDefinitionKey: $key, from: $from, to: $to) {
         elementId name completed averageDays p90Days waitingNow bottleneck } }`,
    { key, from, to },
  );
  const slowest = [...stepMetrics].sort((a, b) => (b.p90Days ?? 0) - (a.p90Days ?? 0));
  chart('slowest', 'bar', {
    labels: slowest.map((step) => step.name ?? step.elementId),
    data: slowest.map((step) => (step.p90Days === null ? null : round(step.p90Days))),
    label: t('dashboard.p90'),
  });
  document
    .querySelector('#steps')!
    .replaceChildren(
      el(
        'tr',
        {},
        ...[
          'inbox.step',
          'dashboard.completed',
          'dashboard.average',
          'dashboard.p90',
          'dashboard.waiting',
        ].map((k) => el('th', {}, t(k))),
      ),
      ...slowest.map((step) =>
        el(
          'tr',
          { class: step.bottleneck ? 'overdue' : '', 'data-step': step.elementId },
          el(
            'td',
            {},
            `${step.name ?? step.elementId}${step.bottleneck ? ` — ${t('dashboard.bottleneck')}` : ''}`,
          ),
          el('td', {}, String(step.completed)),
          el('td', {}, step.averageDays === null ? '—' : String(round(step.averageDays))),
          el('td', {}, step.p90Days === null ? '—' : String(round(step.p90Days))),
          el('td', {}, String(step.waitingNow)),
        ),
      ),
    );
}

function chart(
  id: string,
  type: 'line' | 'bar',
  series: { labels: string[]; data: (number | null)[]; label: string; max?: number },
): void {
  charts[id]?.destroy();
  charts[id] = new Chart(document.querySelector<HTMLCanvasElement>(`#${id}`)!, {
    type,
    data: {
      labels: series.labels,
      datasets: [
        {
          label: series.label,
          data: series.data,
          borderColor: '#b3261e',
          backgroundColor: '#b3261e',
        },
      ],
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ...(series.max && { max: series.max }) } },
    },
  });
}
