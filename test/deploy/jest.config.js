// Deployment checks (compose files, Dockerfiles, the Helm chart), run by `npm run test:helm`
// through scripts/deploy/test-helm.sh. Kept out of the unit/integration/e2e tiers: they need helm.
const fs = require('node:fs');
const path = require('node:path');
const rootDir = path.resolve(__dirname, '..', '..');
const swcrc = JSON.parse(fs.readFileSync(path.join(rootDir, '.swcrc'), 'utf8'));
delete swcrc.exclude;
swcrc.jsc.baseUrl = rootDir;

module.exports = {
  rootDir,
  displayName: 'deploy',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/deploy/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  modulePathIgnorePatterns: ['<rootDir>/dist/'],
  testTimeout: 120000,
};
