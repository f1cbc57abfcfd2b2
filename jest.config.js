// Three tiers, selected with `jest --selectProjects <name>`:
//   unit         *.spec.ts beside the code, no I/O
//   integration  *.int-spec.ts, real embedded PostgreSQL
//   e2e          test/**/*.e2e-spec.ts, the started app over HTTP
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.exclude;
swcrc.jsc.baseUrl = __dirname;

const moduleNameMapper = {
  '^@keygate/crypto$': '<rootDir>/libs/crypto/src',
  '^@keygate/provisioners$': '<rootDir>/libs/provisioners/src',
  '^@keygate/testing$': '<rootDir>/libs/testing/src',
  '^@api/(.*)$': '<rootDir>/apps/api/src/$1',
  '^@sim/(.*)$': '<rootDir>/apps/vendor-sim/src/$1',
};

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleNameMapper,
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/apps/dashboard/'],
};

module.exports = {
  // testTimeout is a global option: per-project values are ignored by Jest.
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
    },
  ],
};
