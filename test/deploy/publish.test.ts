/**
 * The publishing path as documented: the manifest is an Editor add-on's, docs/publish.md names
 * every listing image there is and only clasp commands that exist, and the privacy policy states
 * what the code actually stores and asks for.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const SCOPES = ['https://www.googleapis.com/auth/script.container.ui', 'https://www.googleapis.com/auth/spreadsheets.currentonly'];

describe('publishing as an Editor add-on', () => {
  const manifest = JSON.parse(read('appsscript.json'));
  const publish = read('docs/publish.md');
  const privacy = read('docs/privacy.md');
  const readme = read('README.md');

  test('the manifest has no addOns block (that is for Workspace add-ons, which have no custom functions) and exactly the two scopes', () => {
    expect(Object.keys(manifest)).not.toContain('addOns');
    expect([...manifest.oauthScopes].sort()).toEqual(SCOPES);
  });

  test('docs/publish.md and the privacy policy name exactly the manifest\'s scopes', () => {
    for (const text of [publish, privacy]) {
      const named = [...new Set(text.match(/https:\/\/www\.googleapis\.com\/auth\/[\w.]+/g))].sort();
      expect(named).toEqual(SCOPES);
    }
  });

  test('docs/publish.md names every listing image in docs/listing/, and each one it names exists', () => {
    const files = readdirSync(path.join(ROOT, 'docs/listing')).filter((file) => file.endsWith('.png'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) expect([file, publish.includes(`docs/listing/${file}`)]).toEqual([file, true]);
    for (const [named] of publish.matchAll(/docs\/listing\/[\w.-]+\.png/g)) expect([named, existsSync(path.join(ROOT, named))]).toEqual([named, true]);
    for (const source of ['assets/icon.svg', 'assets/banner.svg']) {
      expect(publish).toContain(source);
      expect(existsSync(path.join(ROOT, source))).toBe(true);
    }
  });

  test('every clasp command in the README and docs/publish.md is one clasp 3 has', () => {
    const help = spawnSync(path.join(ROOT, 'node_modules/.bin/clasp'), ['--help'], { encoding: 'utf8', input: '', timeout: 30_000 }).stdout;
    const known = new Set([...help.matchAll(/^ {2}([a-z-]+)(?:\|([a-z-]+))?/gm)].flatMap((m) => [m[1], m[2]]).filter(Boolean));
    expect(known).toContain('create-version');
    const used = [...`${readme}\n${publish}`.matchAll(/npx clasp (?:-P \S+ )?([a-z-]+)/g)].map((m) => m[1]);
    for (const needed of ['login', 'create', 'push', 'create-version', 'create-deployment']) expect(used).toContain(needed);
    for (const command of used) expect([command, known.has(command)]).toEqual([command, true]);
  });

  test('the privacy policy names the one thing the add-on stores: the language under its property name', () => {
    const property = /const PROPERTY = '([^']+)'/.exec(read('src/server/language.ts'))![1];
    expect(privacy).toContain(`\`${property}\``);
    expect(privacy).toMatch(/no network calls/);
  });

  test('the README links the publishing guide, the privacy policy and the terms, and lists npm run screenshots', () => {
    for (const link of ['docs/publish.md', 'docs/privacy.md', 'docs/terms.md']) expect(readme).toContain(`](${link}`);
    expect(readme).toContain('npm run screenshots');
    expect(readme).toContain('npx clasp create --type sheets --title "Churn toolkit" --rootDir dist');
    expect(publish).toContain('create --type standalone --title "Churn toolkit" --rootDir dist');
    expect(publish).toContain('runSelfCheck');
    expect(publish).toContain('Check the add-on in this spreadsheet');
    const { scripts } = JSON.parse(read('package.json'));
    expect(scripts.screenshots).toMatch(/^npm run build && .*screenshots/);
    expect(scripts.screenshots).toContain('assets');
  });
});
