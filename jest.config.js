/**
 * Tests run TypeScript through SWC (fast, keeps decorator metadata for type-graphql and TypeORM).
 * Some dependencies ship only ES modules (bpmn-moddle, feelin and theirs); SWC turns them into
 * CommonJS for Jest, while Node itself loads them natively at run time.
 */
const esmOnly = [
  'bpmn-moddle',
  'moddle',
  'moddle-xml',
  'saxen',
  'min-dash',
  'feelin',
  'lezer-feel',
  '@lezer',
  'temporal-polyfill',
  'temporal-utils',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j|mj|cj)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Dynamic imports name the compiled file (`./x.js`), as Node needs; Jest loads the source.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30_000,
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
};
