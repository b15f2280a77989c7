#!/usr/bin/env node
// churn-sheet: builds the add-on's churn sheet from a customer file (see local/cli.ts).
// Runs the bundled CLI in build/cli.cjs (made by `npm run build`), against dist/Code.js.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'build/cli.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('churn-sheet: build/cli.cjs is missing: run npm run build first\n');
  process.exit(1);
}
const { main } = createRequire(import.meta.url)(bundle);
const code = await main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  stderrIsTerminal: process.stderr.isTTY === true,
  root,
  env: process.env,
});
process.exitCode = code;
