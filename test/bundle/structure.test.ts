import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DIST, bundleSource, loadBundle } from '../helpers/bundle';

const CUSTOM_FUNCTIONS = ['CHURN_RATE', 'ADJUSTED_CHURN', 'RETENTION_RATE', 'CHURN_COST', 'CUSTOMER_LIFETIME', 'CHURN_TABLE', 'COHORT_TABLE', 'MRR_CHURN', 'CUSTOMER_LTV', 'REVENUE_TABLE'];
const TRIGGERS = ['onOpen', 'onInstall'];

describe('dist/Code.js as Apps Script loads it', () => {
  const source = bundleSource();

  test('loads in a bare context without touching any service', () => {
    // No SpreadsheetApp, Session or anything else: a service call at load time would throw.
    const context = loadBundle({}, { shareDate: false });
    for (const name of [...CUSTOM_FUNCTIONS, ...TRIGGERS]) expect([name, typeof context[name]]).toEqual([name, 'function']);
  });

  test('is a plain script: no import or export statements', () => {
    expect(source).not.toMatch(/^\s*(import|export)\b/m);
  });

  test.each(CUSTOM_FUNCTIONS)('%s is a top-level function directly under its full @customfunction JSDoc', (name) => {
    const declaration = new RegExp(`^function ${name}\\(([^)]*)\\)`, 'm').exec(source);
    expect(declaration).not.toBeNull();
    const before = source.slice(0, declaration!.index);
    // The block must end on the line right above the declaration.
    expect(before).toMatch(/\*\/\n$/);
    const jsdoc = before.slice(before.lastIndexOf('/**'));
    expect(jsdoc).toContain('@customfunction');
    expect(jsdoc).toMatch(/@return \{[^}]+\} \S/);
    const params = declaration![1].split(',').map((p) => p.trim()).filter(Boolean);
    expect(params.length).toBeGreaterThan(0);
    for (const param of params) expect(jsdoc).toMatch(new RegExp(`@param \\{[^}]+\\} \\[?${param}\\]? \\S`));
    // Only one JSDoc block: nothing between it and the declaration, and it documents only this function.
    expect((jsdoc.match(/@customfunction/g) ?? []).length).toBe(1);
  });

  test('the manifest asks for V8 and exactly the two narrow scopes, nothing else', () => {
    const manifest = JSON.parse(readFileSync(path.join(DIST, 'appsscript.json'), 'utf8'));
    expect(manifest.runtimeVersion).toBe('V8');
    expect([...manifest.oauthScopes].sort()).toEqual([
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
    ]);
    expect(manifest.urlFetchWhitelist).toBeUndefined();
    expect(JSON.stringify(manifest)).not.toMatch(/external_request|auth\/drive|urlfetch/i);
  });

  test('the bundle never calls the network', () => {
    expect(source).not.toMatch(/UrlFetchApp|fetch\(|XMLHttpRequest/);
  });

  test('the translations ship as UTF-8 text, not as \\u escapes three times their size', () => {
    // Apps Script files and the sidebar's HTML are UTF-8; escaped, the Greek texts alone would add about 90 KB.
    const sidebar = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    for (const text of [source, sidebar]) {
      expect(text).toContain('Απώλεια πελατών ανά μήνα');
      expect(text).not.toMatch(/\\u03[89a-f][0-9a-f]/i);
    }
  });
});
