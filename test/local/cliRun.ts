/** Runs the churn-sheet CLI in-process (local/cli.ts against the built dist/Code.js) and captures its output. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../local/cli';

export const ROOT = path.resolve(__dirname, '../..');
export const SAMPLE = path.join(ROOT, 'samples/seed004-customers.csv');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], env: Record<string, string | undefined> = { TZ: 'Europe/Oslo' }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), root: ROOT, env });
  return { code, stdout, stderr };
}

export interface ChurnJson {
  sheet: string;
  header: string[];
  rows: unknown[][];
  customers: number;
  rowsSkipped: number;
  problems: string[];
}

export function parseJson(result: CliResult): ChurnJson {
  if (result.code !== 0) throw new Error(`churn-sheet exited with ${result.code}: ${result.stderr}`);
  return JSON.parse(result.stdout) as ChurnJson;
}

export function tempDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), 'churn-sheet-'));
}

/** The sample's lines, split at the commas (it has no quoted fields). */
export function sampleLines(): string[][] {
  return readFileSync(SAMPLE, 'utf8').trim().split(/\r?\n/).map((line) => line.split(','));
}

/** Writes a file of the given content into a folder and returns its path. */
export function writeInto(dir: string, name: string, content: string | Buffer): string {
  const target = path.join(dir, name);
  writeFileSync(target, content);
  return target;
}
