/**
 * The install path from a fresh clone, run with the project's own clasp but without a Google
 * account: clasp gets as far as asking for a login, never further, so nothing here needs the
 * network. HOME is an empty directory (no ~/.clasprc.json) and stdin is closed, so clasp can
 * neither find credentials nor wait for an answer.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const CLASP = path.join(ROOT, 'node_modules/.bin/clasp');

/** A temp copy of what clasp reads: .clasp.json, .claspignore and a dist/ with stand-in files. */
function projectCopy(claspJson: string, extraDistFiles: string[] = []): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'churn-clasp-'));
  writeFileSync(path.join(dir, '.clasp.json'), claspJson);
  copyFileSync(path.join(ROOT, '.claspignore'), path.join(dir, '.claspignore'));
  for (const file of ['Code.js', 'Sidebar.html', 'appsscript.json', ...extraDistFiles]) {
    const target = path.join(dir, 'dist', file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, file.endsWith('.json') ? '{}' : '// stand-in\n');
  }
  return dir;
}

function clasp(cwd: string, args: string[]) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'churn-home-'));
  // Only what clasp needs to start: no clasp_config_* from the caller's shell can point it at
  // real credentials or another project file.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, USERPROFILE: home, NO_COLOR: '1', CI: '1' };
  const result = spawnSync(CLASP, args, { cwd, env, input: '', encoding: 'utf8', timeout: 30_000 });
  return { ...result, output: `${result.stdout}${result.stderr}` };
}

const CREATE = ['create', '--type', 'sheets', '--title', 'Churn toolkit', '--rootDir', 'dist'];

describe('installing from a fresh clone with clasp', () => {
  test('.clasp.json holds only rootDir dist, so `clasp create` may write the new scriptId', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, '.clasp.json'), 'utf8'))).toEqual({ rootDir: 'dist' });
  });

  test('`clasp create` as the README gives it goes as far as asking for a Google login', () => {
    const dir = projectCopy(readFileSync(path.join(ROOT, '.clasp.json'), 'utf8'));
    const run = clasp(dir, CREATE);
    expect(run.error).toBeUndefined(); // neither a timeout nor a failure to start
    expect(run.output).toMatch(/No credentials found/i);
    expect(run.output).not.toMatch(/already exists/i);
    expect(run.status).not.toBe(0);
    // It stopped before creating anything: the project file is unchanged.
    expect(JSON.parse(readFileSync(path.join(dir, '.clasp.json'), 'utf8'))).toEqual({ rootDir: 'dist' });
  });

  test('with a scriptId in .clasp.json the same command is refused (what the clean file avoids)', () => {
    const run = clasp(projectCopy(JSON.stringify({ scriptId: 'REPLACE_WITH_YOUR_SCRIPT_ID', rootDir: 'dist' })), CREATE);
    expect(run.error).toBeUndefined();
    expect(run.output).toMatch(/Project file already exists/);
  });

  test('the add-on\'s standalone project gets its own project file beside a bound .clasp.json (docs/publish.md)', () => {
    const dir = projectCopy(JSON.stringify({ scriptId: 'the-bound-spreadsheet-script', rootDir: 'dist' }));
    writeFileSync(path.join(dir, '.clasp-addon.json'), '{"rootDir": "dist"}\n');
    const run = clasp(dir, ['-P', '.clasp-addon.json', 'create', '--type', 'standalone', '--title', 'Churn toolkit', '--rootDir', 'dist']);
    expect(run.error).toBeUndefined();
    expect(run.output).toMatch(/No credentials found/i);
    expect(run.output).not.toMatch(/already exists/i);
  });

  test('`npm run deploy` builds and then pushes with --force (no manifest prompt to hang on)', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(scripts.deploy).toBe('npm run build && clasp push --force');
  });

  test('.claspignore lets only Code.js, Sidebar.html and appsscript.json be pushed', () => {
    // `clasp status` lists what a push would upload, offline, once a scriptId is set.
    const dir = projectCopy(JSON.stringify({ scriptId: 'offline-status-check', rootDir: 'dist' }), [
      'Code.js.map',
      'Code.gs',
      'notes.txt',
      'sub/Other.js',
      'sub/appsscript.json',
    ]);
    const run = clasp(dir, ['status', '--json']);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(0);
    const { filesToPush } = JSON.parse(run.stdout);
    expect([...filesToPush].sort()).toEqual(['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json']);
  });
});
