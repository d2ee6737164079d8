/**
 * Tests run TypeScript through ts-jest, transpiling only. Some dependencies ship only ES modules
 * (bpmn-moddle, feelin and theirs); ts-jest turns them into CommonJS for Jest, while Node itself
 * loads them natively at run time.
 */
const esmOnly = [
  'bpmn-moddle',
  'dmn-moddle',
  'moddle',
  'moddle-xml',
  'saxen',
  'min-dash',
  'feelin',
  'lezer-feel',
  '@lezer',
  'temporal-polyfill',
  'temporal-utils',
  'jose',
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Transpile only (the type check is `tsc` in `npm run lint`), to CommonJS, JavaScript too.
    '^.+\\.(t|j|mj|cj)s$': [
      'ts-jest',
      {
        tsconfig: {
          module: 'commonjs',
          moduleResolution: 'node10',
          isolatedModules: true,
          allowJs: true,
          esModuleInterop: true,
        },
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
