// The release fuzz, on the built bundle (dist/Code.js) and the command line:
//  - every custom function on junk argument sets (test/functions/fuzz.test.ts: a value Sheets
//    shows, a blank, or an error naming the function, within 5 s of processor time);
//  - the wizard on junk tables and requests (test/bundle/wizardFuzz.test.ts), and
//    `churn-sheet build` on junk files and options (test/local/cliFuzz.test.ts), a tenth as many.
// npm test runs the same checks on one fixed draw; this draws afresh each time and prints the seed.
//   npm run fuzz                 10,000 argument sets per function
//   npm run fuzz -- 50000        another count
//   npm run fuzz -- 10000 1234   replays a run by its seed
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const [runs = '10000', seed] = process.argv.slice(2);
if (!/^[1-9]\d*$/.test(runs) || (seed !== undefined && !/^-?\d+$/.test(seed))) {
  console.error('usage: npm run fuzz -- [runs per function] [seed]');
  process.exit(2);
}

// jest's package exports hide bin/jest.js from resolve; its package.json leads there.
const jest = path.join(path.dirname(createRequire(import.meta.url).resolve('jest/package.json')), 'bin/jest.js');
const drawn = seed ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz seed ${drawn} (npm run fuzz -- ${runs} ${drawn} replays this run)`);
// Each wizard run loads a fresh bundle; past about a thousand in one process Node needs more heap.
const tenth = String(Math.max(1, Math.min(1000, Math.round(Number(runs) / 10))));
const env = { ...process.env, FUZZ_RUNS: runs, WIZARD_FUZZ_RUNS: tenth, CLI_FUZZ_RUNS: tenth, FUZZ_SEED: drawn };
const files = ['test/functions/fuzz.test.ts', 'test/bundle/wizardFuzz.test.ts', 'test/local/cliFuzz.test.ts'];
// Jest's per-test timeout is for the everyday runs; a release run takes as long as it takes.
const result = spawnSync(process.execPath, [jest, ...files, '--testTimeout', String(24 * 3600 * 1000)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
