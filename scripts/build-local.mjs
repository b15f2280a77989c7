// Bundles the local tools: the command-line tool (local/cli.ts) into build/cli.cjs for
// bin/churn-sheet.mjs, and the playground server (local/playground/main.ts) into
// build/playground.cjs for `npm start`. Neither goes to Apps Script.
// exceljs, jszip and hyperformula stay external: they are loaded from node_modules at run time
// (the CLI never loads hyperformula: it writes formulas without evaluating them).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const bundle = (entry, outfile) =>
  build({
    entryPoints: [path.join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: path.join(root, outfile),
    external: ['exceljs', 'hyperformula', 'jszip', '@duckdb/node-api'],
    legalComments: 'none',
    logLevel: 'warning',
  });
await Promise.all([bundle('local/cli.ts', 'build/cli.cjs'), bundle('local/playground/main.ts', 'build/playground.cjs')]);
console.log('built build/cli.cjs and build/playground.cjs');
