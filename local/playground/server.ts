/**
 * The local playground: a page that stands in for Google Sheets, served on localhost. The
 * spreadsheet is the in-memory fake (formulas evaluated by HyperFormula), the sidebar is the
 * real built dist/Sidebar.html, and its google.script.run calls reach the real dist/Code.js.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { languageOfLocale, translate, type Language, type MessageKey } from '../../src/i18n';
import { en } from '../../src/i18n/en';
import { errorMessages } from '../cellErrors';
import type { BuildRequest } from '../../src/shared/wizard';
import { createHost, type Host } from '../host';
import { buildWithOwnResults } from '../liveBuild';
import { largerSample, seedSample } from '../samples';
import { sheetNameForFile } from '../sheetName';
import { asSheetValues, readTableFile } from '../tableFile';
import { workbookToXlsx } from '../xlsx';

/** The server functions the sidebar may call, as Apps Script allows only top-level functions. */
const SIDEBAR_FUNCTIONS = new Set(['wizardInspect', 'wizardBuild', 'wizardInsertTemplate', 'wizardSetLanguage']);
/** Tables up to this many rows are recounted by the formula engine after an edit. */
const LIVE_RECOUNT_ROWS = 5_000;
const RATE_FUNCTIONS = /^=\s*(CHURN_RATE|ADJUSTED_CHURN|RETENTION_RATE)\s*\(/i;
/** Rows per request at most: the page asks only for the rows in view, and some around them. */
const MAX_SHOWN_ROWS = 500;
const DEFAULT_SHOWN_ROWS = 100;
/** The names this machine answers to on its loopback interface, as a Host header carries them. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

export interface Playground {
  url: string;
  host: Host;
  close(): Promise<void>;
}

/** A window of a sheet's rows, `from` 0-based: texts as shown, formulas, error messages, and the sheet's size. */
function rowsView(host: Host, name: string, from: number, count: number) {
  const { apps } = host;
  const { lastRow, lastCol } = apps.rawRows(name, 0, 0);
  const display = apps.displayValues(name, from, count);
  const formulas = apps.formulas(name, from, count);
  return { name, from, display, formulas, errors: errorMessages(apps, name, display, from), rowCount: lastRow, width: lastCol };
}

/** The window asked for in ?from=&count=, within bounds. */
function windowOf(url: URL): { from: number; count: number } {
  const number = (key: string, fallback: number) => {
    const value = Number.parseInt(url.searchParams.get(key) ?? '', 10);
    return Number.isFinite(value) && value >= 0 ? value : fallback;
  };
  return { from: number('from', 0), count: Math.min(MAX_SHOWN_ROWS, number('count', DEFAULT_SHOWN_ROWS)) };
}

function sheetView(host: Host, name: string, from: number, count: number) {
  const { apps } = host;
  const view = rowsView(host, name, from, count);
  const chartList = apps.charts(name);
  // Charts as series of numbers, read from the ranges the add-on gave them (a built sheet: small).
  const display = chartList.length > 0 ? apps.displayValues(name) : [];
  const values = chartList.length > 0 ? apps.values(name) : [];
  const charts = chartList.map((chart) => {
    const ranges = chart.ranges.map((range) => {
      const match = /!([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)!;
      const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return { c0: col(match[1]) - 1, r0: +match[2] - 1, c1: col(match[3]) - 1, r1: +match[4] - 1 };
    });
    const [labels, ...series] = ranges;
    const labelTexts = display.slice(labels.r0 + 1, labels.r1 + 1).map((row) => row[labels.c0] ?? '');
    const lines = series.flatMap((range) => {
      const out = [];
      for (let c = range.c0; c <= range.c1; c++) {
        out.push({
          name: String(values[range.r0]?.[c] ?? ''),
          points: values.slice(range.r0 + 1, range.r1 + 1).map((row) => (typeof row[c] === 'number' ? row[c] : null)),
        });
      }
      return out;
    });
    return { title: String(chart.options.title ?? ''), labels: labelTexts, series: lines };
  });
  return { ...view, charts };
}

/**
 * Why a request may not be answered, or null when it may. The server answers only pages it
 * served itself: a web page elsewhere could otherwise post to it (a text/plain POST needs no
 * permission from the server), read the customer data back through a host name of its own that
 * resolves to this machine (DNS rebinding), or frame the sidebar.
 */
function refusal(request: http.IncomingMessage, pathname: string, port: number): 'host' | 'origin' | 'type' | null {
  const host = (request.headers.host ?? '').toLowerCase();
  if (!LOOPBACK_HOSTS.some((name) => host === `${name}:${port}`)) return 'host';
  // The page itself may be opened from anywhere (a link, a bookmark); it holds no data.
  if (request.method === 'GET' && pathname === '/') return null;
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) return 'origin';
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'origin';
  if (request.method === 'POST') {
    // Types a cross-site form or a plain fetch cannot send without asking the server first.
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== (pathname === '/api/upload' ? 'application/octet-stream' : 'application/json')) return 'type';
  }
  return null;
}

async function body(request: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: http.ServerResponse, status: number, type: string, content: string | Buffer, headers: Record<string, string> = {}) {
  // Only the playground's own page may frame the sidebar or load what it serves.
  response.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'SAMEORIGIN',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  response.end(content);
}
const json = (response: http.ServerResponse, value: unknown, status = 200) => send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));

/**
 * The sidebar as the menu item opens it (showWizard), with a google.script.run that posts to this
 * server instead of Google. The browser's locale (?lang=nb-NO) stands in for the Google account's
 * locale: the sidebar and the sheets it builds speak that language unless the sidebar's language
 * switch saved another choice, as in Sheets.
 */
function sidebarPage(host: Host, root: string, locale: string | null): string {
  if (locale && /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$/.test(locale)) host.apps.setUserLocale(locale.replace(/-/g, '_'));
  host.addOn.showWizard();
  const html = host.apps.ui.sidebars[host.apps.ui.sidebars.length - 1].html;
  const shim = readFileSync(path.join(root, 'local/playground/scriptRun.js'), 'utf8');
  return html.replace('<script>', () => `<script>${shim}</script>\n    <script>`);
}

/** The playground page's own texts ('play.*') in the language of a browser locale. */
export function pageMessages(locale: string | null): { language: Language; messages: Record<string, string> } {
  const language = languageOfLocale(locale);
  const keys = (Object.keys(en) as MessageKey[]).filter((key) => key.startsWith('play.'));
  return { language, messages: Object.fromEntries(keys.map((key) => [key, translate(language, key)])) };
}

/** Serves the playground on the loopback address (127.0.0.1) unless `address` names another. */
export async function startPlayground(root: string, port = 3000, address = '127.0.0.1'): Promise<Playground> {
  const timeZone = process.env.SHEET_TIME_ZONE ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';
  const host = createHost({
    root,
    timeZone,
    locale: 'en_GB',
    sheets: { Customers: seedSample(root, timeZone), 'Larger sample': largerSample(timeZone) },
    activeSheet: 'Customers',
  });
  const page = readFileSync(path.join(root, 'local/playground/page.html'), 'utf8');
  const script = readFileSync(path.join(root, 'local/playground/page.js'), 'utf8');

  let listeningPort = port;
  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const refused = refusal(request, url.pathname, listeningPort);
      if (refused !== null) {
        const language = languageOfLocale(request.headers['accept-language']?.split(/[,;]/)[0] ?? null);
        request.resume();
        return send(response, 403, 'text/plain; charset=utf-8', translate(language, 'play.forbidden', { url: `http://localhost:${listeningPort}/` }));
      }
      try {
        if (request.method === 'GET' && url.pathname === '/') return send(response, 200, 'text/html; charset=utf-8', page);
        if (request.method === 'GET' && url.pathname === '/page.js') return send(response, 200, 'text/javascript; charset=utf-8', script);
        if (request.method === 'GET' && url.pathname === '/sidebar') {
          return send(response, 200, 'text/html; charset=utf-8', sidebarPage(host, root, url.searchParams.get('lang')));
        }
        if (request.method === 'GET' && url.pathname === '/api/messages') return json(response, pageMessages(url.searchParams.get('lang')));
        if (request.method === 'GET' && url.pathname === '/api/workbook') {
          const names = host.apps.sheetNames();
          const spreadsheet = host.apps.globals.SpreadsheetApp as { getActive(): { getActiveSheet(): { getName(): string } } };
          const active = spreadsheet.getActive().getActiveSheet().getName();
          const shown = url.searchParams.get('sheet') ?? active;
          const { from, count } = windowOf(url);
          return json(response, { names, active, sheet: sheetView(host, names.includes(shown) ? shown : active, from, count) });
        }
        if (request.method === 'GET' && url.pathname === '/api/sheet') {
          const name = url.searchParams.get('name') ?? '';
          if (!host.apps.sheetNames().includes(name)) return json(response, { error: `No sheet named "${name}"` }, 404);
          const { from, count } = windowOf(url);
          return json(response, rowsView(host, name, from, count));
        }
        if (request.method === 'POST' && url.pathname === '/run') {
          const { name, args } = JSON.parse((await body(request)).toString('utf8'));
          if (!SIDEBAR_FUNCTIONS.has(name)) return json(response, { error: `Script function not found: ${name}` });
          try {
            // Live formulas show the add-on's own numbers (buildWithOwnResults): the same numbers the
            // engine would compute, without HyperFormula evaluating COUNTIFS over the whole table.
            const value = name === 'wizardBuild' ? buildWithOwnResults(host, (args as [BuildRequest])[0]) : host.addOn[name](...(args as unknown[]));
            return json(response, { value: value ?? null });
          } catch (error) {
            return json(response, { error: (error as Error).message });
          }
        }
        if (request.method === 'POST' && url.pathname === '/api/cell') {
          const { sheet, a1, input } = JSON.parse((await body(request)).toString('utf8'));
          const text = String(input);
          const number = text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
          host.apps.setValues(sheet, a1, [[number ?? text]]);
          // Sheets recounts a built sheet's live formulas when their table changes. The engine does so
          // here too while the table is small enough to recount at once; a larger one keeps the
          // built numbers until the next Build (HyperFormula's COUNTIFS over it would take minutes).
          if (host.apps.rawRows(sheet, 0, 0).lastRow <= LIVE_RECOUNT_ROWS) host.apps.releaseFormulaResults(sheet);
          // A rate typed in a cell is shown as a percentage, as one would format it in Sheets.
          if (RATE_FUNCTIONS.test(text)) {
            const sheetObject = (host.apps.globals.SpreadsheetApp as { getActive(): { getSheetByName(n: string): { getRange(a: string): { setNumberFormat(f: string): void } } } }).getActive().getSheetByName(sheet);
            sheetObject.getRange(a1).setNumberFormat('0.0%');
          }
          return json(response, { ok: true });
        }
        if (request.method === 'POST' && url.pathname === '/api/upload') {
          const fileName = url.searchParams.get('name') ?? 'upload.csv';
          const rows = await readTableFile(fileName, await body(request), host.timeZone, host.locale, languageOfLocale(url.searchParams.get('lang')));
          const name = sheetNameForFile(fileName, host.apps.sheetNames());
          host.apps.setValues(name, 'A1', asSheetValues(rows));
          const spreadsheet = host.apps.globals.SpreadsheetApp as { getActive(): { setActiveSheet(s: unknown): void; getSheetByName(n: string): unknown } };
          spreadsheet.getActive().setActiveSheet(spreadsheet.getActive().getSheetByName(name));
          return json(response, { name });
        }
        if (request.method === 'POST' && url.pathname === '/api/template') {
          return json(response, { value: host.addOn.wizardInsertTemplate(url.searchParams.get('example') === 'true') });
        }
        if (request.method === 'GET' && url.pathname === '/api/download.xlsx') {
          const file = await workbookToXlsx(host.apps);
          return send(response, 200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', file, {
            'Content-Disposition': 'attachment; filename="churn.xlsx"',
          });
        }
        return send(response, 404, 'text/plain', 'Not found');
      } catch (error) {
        return json(response, { error: (error as Error).message }, 400);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, address, resolve);
  });
  listeningPort = (server.address() as { port: number }).port;
  return {
    url: `http://localhost:${listeningPort}/`,
    host,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

