// The release fuzz: every custom function of the built bundle (dist/Code.js) on junk argument
// sets, each outcome classified by test/functions/fuzz.test.ts (a value Sheets shows, a blank, or
// an error naming the function; within 5 s).
//   npm run fuzz                 10,000 argument sets per function
//   npm run fuzz -- 50000        another count
//   npm run fuzz -- 10000 1234   replays a run by the seed a failure prints
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
const env = { ...process.env, FUZZ_RUNS: runs, ...(seed === undefined ? {} : { FUZZ_SEED: seed }) };
// Jest's per-test timeout is for the everyday runs; a release run takes as long as it takes.
const result = spawnSync(process.execPath, [jest, 'test/functions/fuzz.test.ts', '--testTimeout', String(24 * 3600 * 1000)], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
