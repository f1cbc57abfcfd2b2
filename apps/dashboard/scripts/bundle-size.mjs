// Prints the gzipped size of the JavaScript the first page (sign-in) loads: the entry chunk and its
// static imports, as listed in dist/.vite/manifest.json. Run `npm run build -w apps/dashboard` first.
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifest = JSON.parse(await readFile(`${dist}.vite/manifest.json`, 'utf8'));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);
if (!entryKey) throw new Error('No entry in dist/.vite/manifest.json: build the dashboard first.');

const firstPage = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || firstPage.has(chunk.file)) return;
  firstPage.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit(entryKey);

const gzipped = async (file) => gzipSync(await readFile(`${dist}${file}`), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let firstTotal = 0;
for (const file of firstPage) {
  const size = await gzipped(file);
  firstTotal += size;
  console.log(`  ${file.padEnd(48)} ${kb(size)} gzip`);
}
const allJs = (await readdir(`${dist}assets`)).filter((name) => name.endsWith('.js'));
let allTotal = 0;
for (const name of allJs) allTotal += await gzipped(`assets/${name}`);

const firstCss = [...firstPage].flatMap((file) => Object.values(manifest).find((chunk) => chunk.file === file)?.css ?? []);
let cssTotal = 0;
for (const file of new Set(firstCss)) cssTotal += await gzipped(file);

console.log(`First page JavaScript: ${kb(firstTotal)} gzipped (target <= 250 KB)`);
console.log(`First page CSS: ${kb(cssTotal)} gzipped`);
console.log(`All JavaScript (${allJs.length} chunks, lazy pages included): ${kb(allTotal)} gzipped`);
if (firstTotal > 250 * 1024) process.exitCode = 1;
