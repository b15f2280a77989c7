/**
 * The .xlsx carries what the add-on makes in Sheets: reopened with exceljs, the churn sheet has
 * readable column widths, Arial headers, notes, a frozen header and cached values equal to the
 * engine's numbers (blanks as ""); the cohort sheet its colour scale; the template its blue input
 * cells, named ranges, validation and blank future months. Unzipped, each chart is a DrawingML
 * line chart over the sheet's ranges, wired into the sheet's drawing, its relationships and the
 * content types. The CLI that writes them never loads HyperFormula.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createHost } from '../../local/host';
import { largerSample } from '../../local/samples';
import { workbookToXlsx } from '../../local/xlsx';
import { main } from '../../local/cli';
import type { TableInspection } from '../../src/shared/wizard';
import { buildRequest } from '../helpers/wizardSetup';
import { ROOT, SAMPLE, parseJson, runCli, tempDir, writeInto, type ChurnJson } from './cliRun';

const ENV = { TZ: 'Europe/Riga' };

/**
 * The cached result of every formula cell in a sheet's XML ('B2' -> '0', or '' for a text result
 * that is empty), read from the XML itself: exceljs reads <v>0</v> and an empty text back as no result.
 */
function cachedResults(sheetXml: string): Map<string, { text: boolean; v: string }> {
  const results = new Map<string, { text: boolean; v: string }>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f>[^<]*<\/f><v>([^<]*)<\/v><\/c>/g)) {
    results.set(m[1], { text: /t="str"/.test(m[2]), v: m[3] });
  }
  return results;
}

async function reopen(data: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('the churn sheet the CLI writes', () => {
  const dir = tempDir();
  const live = path.join(dir, 'live.xlsx');
  let engine: ChurnJson;
  let data: Buffer;
  let workbook: ExcelJS.Workbook;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    engine = parseJson(await runCli(['build', SAMPLE, '--values', '--json', '--profit', '30000'], ENV));
    const result = await runCli(['build', SAMPLE, '--profit', '30000', '-o', live], ENV);
    expect(result.code).toBe(0);
    data = readFileSync(live);
    workbook = await reopen(data);
  });

  test('column widths fit the headers and dates, header in bold Arial with notes, frozen', () => {
    const churn = workbook.getWorksheet('Churn by month')!;
    const header = churn.getRow(1);
    for (let c = 1; c <= engine.header.length; c++) {
      const cell = header.getCell(c);
      expect(cell.font).toMatchObject({ name: 'Arial', bold: true });
      expect(typeof cell.note === 'string' ? cell.note : cell.note?.texts?.map((t) => t.text).join('')).toBeTruthy();
      // Wide enough for its header text (Arial 10: about one width unit per character).
      expect(churn.getColumn(c).width).toBeGreaterThanOrEqual(Math.min(50, String(cell.value).length));
    }
    expect(churn.getColumn(1).width).toBeGreaterThanOrEqual(10); // yyyy-mm-dd, not ###
    expect(churn.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const customers = workbook.getWorksheet('Customers')!;
    expect(customers.getColumn(2).width).toBeGreaterThanOrEqual(10);
  });

  test('every formula caches the engine\'s value, and "" where the engine shows a blank', async () => {
    const churn = workbook.getWorksheet('Churn by month')!;
    const cached = cachedResults(await (await JSZip.loadAsync(data)).file('xl/worksheets/sheet2.xml')!.async('string'));
    let formulas = 0;
    let blanks = 0;
    engine.rows.forEach((row, r) => {
      row.forEach((want, c) => {
        if (c === 0) return;
        const value = churn.getRow(r + 2).getCell(c + 1).value as ExcelJS.CellFormulaValue;
        expect(typeof value.formula).toBe('string');
        formulas++;
        const result = cached.get(`${String.fromCharCode(65 + c)}${r + 2}`);
        if (want === null) {
          expect([r, c, result]).toEqual([r, c, { text: true, v: '' }]);
          blanks++;
        } else expect([r, c, result?.text, Number(result?.v)]).toEqual([r, c, false, expect.closeTo(want as number, 12)]);
      });
    });
    expect(formulas).toBeGreaterThan(100);
    expect(blanks).toBeGreaterThan(0); // the first month has no customers at its start: rates are blank
  });

  test('the default font is Arial 10 and the chart is a native line chart over the sheet\'s ranges', async () => {
    const zip = await JSZip.loadAsync(data);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toMatch(/<fonts[^>]*><font><sz val="10"\/><name val="Arial"\/>/);

    const chartFiles = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(chartFiles).toEqual(['xl/charts/chart1.xml']);
    const chart = await zip.file('xl/charts/chart1.xml')!.async('string');
    expect(chart).toContain('<c:lineChart>');
    const periods = engine.rows.length;
    expect(chart).toContain(`<c:f>'Churn by month'!$A$2:$A$${periods + 1}</c:f>`);
    const churnColumn = engine.header.indexOf('Churn rate') + 1;
    const letter = String.fromCharCode(64 + churnColumn);
    expect(chart).toContain(`<c:f>'Churn by month'!$${letter}$2:$${letter}$${periods + 1}</c:f>`);
    expect(chart).toContain(`<c:f>'Churn by month'!$${letter}$1</c:f>`);

    const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
    expect(contentTypes).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    expect(contentTypes).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    // The churn sheet is the second sheet: its XML points at the drawing, the drawing at the chart.
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const relId = /<drawing r:id="([^"]+)"\/>/.exec(sheetXml)?.[1];
    expect(relId).toBeTruthy();
    const sheetRels = await zip.file('xl/worksheets/_rels/sheet2.xml.rels')!.async('string');
    expect(sheetRels).toContain(`Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    const drawingRels = await zip.file('xl/drawings/_rels/drawing1.xml.rels')!.async('string');
    expect(drawingRels).toContain('Target="../charts/chart1.xml"');
    const drawing = await zip.file('xl/drawings/drawing1.xml')!.async('string');
    expect(drawing).toContain('<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/>');
  });

  test('the command line never loads HyperFormula (GPL-3): its bundle does not require it', () => {
    const bundle = readFileSync(path.join(ROOT, 'build/cli.cjs'), 'utf8');
    expect(bundle).not.toMatch(/require\(["']hyperformula["']\)/);
  });
});

describe('the playground\'s workbook: template and cohorts', () => {
  let workbook: ExcelJS.Workbook;
  let zip: JSZip;

  beforeAll(async () => {
    const host = createHost({ root: ROOT, sheets: { Customers: largerSample('Europe/Riga') }, activeSheet: 'Customers', timeZone: 'Europe/Riga', locale: 'en_GB' });
    const inspection = host.addOn.wizardInspect('Customers', null) as TableInspection;
    host.addOn.wizardBuild(
      buildRequest({ headerRow: inspection.headerRow, firstColumn: inspection.firstColumn, mapping: inspection.mapping, output: 'values', cohorts: true }),
    );
    host.addOn.wizardInsertTemplate(true);
    host.addOn.wizardInsertTemplate(false);
    const data = await workbookToXlsx(host.apps);
    workbook = await reopen(data);
    zip = await JSZip.loadAsync(data);
  });

  const template = () => workbook.worksheets.find((s) => s.name.startsWith('Churn template'))!;

  test('the template\'s inputs are blue, validated and named', () => {
    const sheet = template();
    expect(sheet).toBeDefined();
    // January's churned customers (C5): an input cell.
    const input = sheet.getCell('C5');
    expect(input.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8F0FE' } });
    expect(input.font).toMatchObject({ name: 'Arial', color: { argb: 'FF1A56C4' } });
    expect(input.dataValidation).toMatchObject({ type: 'custom', showErrorMessage: true });
    const names = workbook.definedNames.model.map((n) => n.name);
    expect(names).toEqual(expect.arrayContaining(['ChurnRate', 'ProfitPerCustomer']));
  });

  test('the header row is as tall as its wrapped headers (viewers keep a row\'s height as written)', () => {
    const sheet = template();
    // Row 4: "New customers churned" wraps in its narrow column; a data row keeps the default height.
    expect(sheet.getRow(4).height).toBeGreaterThanOrEqual(2 * 12.75);
    expect(sheet.getRow(5).height ?? 15).toBeLessThan(2 * 12.75);
  });

  test('rates of months without customers are blank (""), not 0 % and 100 %', async () => {
    const cachedOf = async (sheet: ExcelJS.Worksheet) =>
      cachedResults(await zip.file(`xl/worksheets/sheet${workbook.worksheets.indexOf(sheet) + 1}.xml`)!.async('string'));
    // The empty template: no customers at start in any month, so churn rate (H), adjusted churn (I)
    // and retention (K) show nothing, as in Sheets.
    const empty = await cachedOf(workbook.worksheets.find((s) => /^Churn template.*\(2\)$/.test(s.name))!);
    for (let r = 5; r <= 16; r++) for (const c of 'HIK') expect([`${c}${r}`, empty.get(`${c}${r}`)]).toEqual([`${c}${r}`, { text: true, v: '' }]);
    // The example's January: 3 % churn, 3.8 % adjusted, 97 % retention.
    const example = await cachedOf(template());
    expect(['H5', 'I5', 'K5'].map((a1) => Number(example.get(a1)?.v))).toEqual([0.03, 0.038, 0.97]);
  });

  test('the cohort sheet keeps its colour scale', () => {
    const sheet = workbook.worksheets.find((s) => s.name.startsWith('Cohorts'))!;
    const formats = (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string; cfvo: unknown[]; color: { argb: string }[] }[] }[] }).conditionalFormattings;
    expect(formats).toHaveLength(1);
    expect(formats[0].rules[0]).toMatchObject({ type: 'colorScale', cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: [{ argb: 'FFFFFFFF' }, { argb: 'FF57BB8A' }] });
    expect(formats[0].ref).toMatch(/^C2:[A-Z]+\d+$/);
  });

  test('each sheet with a chart (the churn sheet, two templates) gets its drawing', async () => {
    const charts = Object.keys(zip.files).filter((name) => /^xl\/charts\/chart\d+\.xml$/.test(name));
    expect(charts.sort()).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/charts/chart3.xml']);
    const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
    for (const n of [1, 2, 3]) expect(contentTypes).toContain(`/xl/drawings/drawing${n}.xml`);
  });
});

describe('progress on stderr', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lines = ['Customer ID,Start date,End date'];
  for (let i = 0; i < 12_000; i++) {
    const start = new Date(Date.UTC(2023, 0, 1 + (i % 300))).toISOString().slice(0, 10);
    lines.push(`C${i},${start},${i % 4 === 0 ? new Date(Date.UTC(2023, 1, 1 + (i % 300))).toISOString().slice(0, 10) : ''}`);
  }
  const input = writeInto(dir, 'large.csv', `${lines.join('\n')}\n`);
  const run = async (args: string[], stderrIsTerminal: boolean) => {
    let stderr = '';
    const code = await main(['build', input, '--force', ...args], { stdout: () => {}, stderr: (s) => (stderr += s), root: ROOT, env: ENV, stderrIsTerminal });
    return { code, stderr };
  };

  test('on a terminal, one line rewritten in place with row counts, ended before the summary', async () => {
    const { code, stderr } = await run(['-o', path.join(dir, 'terminal.xlsx')], true);
    expect(code).toBe(0);
    // Reading and building on one line, ended before the build's own messages; writing on the next.
    // ESC [K (clear to the end of the line) written as a visible marker, to match it in patterns.
    const [building, writing, summary] = stderr.split('\u001b[K').join('<EL>').split('\n');
    expect(building.startsWith('\rreading ')).toBe(true);
    expect(building).toContain('\rread 12000 rows of ');
    expect(building).toMatch(/\rbuilding the churn sheet from 12000 rows\.\.\.<EL>$/);
    expect(writing).toMatch(/^\rwriting .*terminal\.xlsx\.\.\.<EL>\rwriting .*: "Customers", 5000 of 12001 rows<EL>/);
    expect(writing).toMatch(/\rwriting .*terminal\.xlsx: "Customers", 12001 of 12001 rows<EL>/);
    expect(summary).toMatch(/^Done: /);
  });

  test('--quiet: no progress, only the summary', async () => {
    const { code, stderr } = await run(['-o', path.join(dir, 'quiet.xlsx'), '--quiet'], true);
    expect(code).toBe(0);
    expect(stderr).not.toMatch(/reading|writing|\r/);
    expect(stderr).toMatch(/^Done: /);
  });
});
