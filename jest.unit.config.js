/**
 * `npm run test:unit`: the tests that need no database and no browser (test/unit), in seconds.
 * The same transforms as the whole suite, without its PostgreSQL.
 */
const all = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  ...all,
  roots: ['<rootDir>/test/unit'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
