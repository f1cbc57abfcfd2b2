// Generates src/generated/schema.ts from the committed openapi.json.
//   node scripts/generate.mjs          write the file
//   node scripts/generate.mjs --check  exit 1 when the committed file is stale
//   node scripts/generate.mjs --spec <file>  generate from another document (to try an API change before it is committed)
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const specFlag = process.argv.indexOf('--spec');
const specPath = specFlag > 0 ? process.argv[specFlag + 1] : `${root}openapi.json`;
const outPath = `${root}src/generated/schema.ts`;
const header =
  '// Generated from libs/api-client/openapi.json by `npm run generate -w libs/api-client`. Do not edit.\n' +
  '/* eslint-disable */\n';

const spec = JSON.parse(await readFile(specPath, 'utf8'));
const ast = await openapiTS(spec, { alphabetize: true, defaultNonNullable: false });
const source = header + astToString(ast);

if (process.argv.includes('--check')) {
  const current = await readFile(outPath, 'utf8').catch(() => '');
  if (current !== source) {
    console.error('libs/api-client/src/generated/schema.ts is stale: run `npm run generate -w libs/api-client`.');
    process.exit(1);
  }
  console.log('libs/api-client: generated client is fresh.');
} else {
  await writeFile(outPath, source);
  console.log(`libs/api-client: wrote ${outPath}`);
}
