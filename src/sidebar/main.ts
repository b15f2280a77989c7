/**
 * The wizard in the sidebar: pick the sheet, check the columns and the preview, choose the
 * options, build. All the work happens on the server; this file only shows and asks.
 */
import { COLUMN_ROLES, type ColumnMapping, type ColumnRole } from '../core/columns';
import { LANGUAGES, LANGUAGE_NAMES, isLanguage, translate, type Language, type MessageKey } from '../i18n';
import type { AdjustedMethod, BuildRequest, ExportChoices, OutputMode, PeriodKind, TableInspection } from '../shared/wizard';
import { byId, element, option, replaceChildren, setText } from './dom';
import { callServer } from './server';
import { copySql, renderSqlSection } from './sqlSection';

// The server writes the user's language into the page it serves; the switch below changes it.
const served = document.documentElement.dataset.language;
let language: Language = isLanguage(served) ? served : 'en';
const t = (key: MessageKey, params?: Record<string, string | number>) => translate(language, key, params);

let inspection: TableInspection | null = null;
/** Whether the last options shown had live formulas switched off for a reason. */
let formulasWereBlocked = false;

function fillStaticTexts(): void {
  document.documentElement.lang = language;
  replaceChildren(byId('language'), ...LANGUAGES.map((code) => option(code, LANGUAGE_NAMES[code], code === language)));
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-text]'))) {
    setText(node, t(node.dataset.text as MessageKey));
  }
}

function showError(error: unknown): void {
  const box = byId('error');
  setText(box, error instanceof Error ? error.message : String(error));
  box.hidden = false;
}

function busy(text: string | null): void {
  byId('progress').hidden = text === null;
  setText(byId('progress-text'), text ?? '');
  for (const id of ['build', 'template']) byId<HTMLButtonElement>(id).disabled = text !== null;
  for (const control of Array.from(document.querySelectorAll<HTMLSelectElement>('select'))) control.disabled = text !== null;
  // A recognised export's columns stay fixed: they only show what its rules read.
  if (text === null && inspection?.billingExport) for (const select of Array.from(document.querySelectorAll<HTMLSelectElement>('#columns select'))) select.disabled = true;
}

function renderSource(data: TableInspection): void {
  replaceChildren(byId('sheet'), ...data.sheets.map((sheet) => option(sheet.name, sheet.name, sheet.name === data.sheetName)));
  setText(byId('table-info'), data.headerRow > 0 ? t('ui.tableFound', { row: data.headerRow, count: data.rowCount }) : t('ui.tableEmpty'));
}

function renderColumns(data: TableInspection): void {
  const selects = COLUMN_ROLES.map((role) => {
    const select = element('select', { 'data-role': role, id: `column-${role}` });
    const choices = [option('', t('ui.column.none'), data.mapping[role] === null)];
    data.headers.forEach((header, index) => choices.push(option(String(index), header || `#${index + 1}`, data.mapping[role] === index)));
    select.append(...choices);
    select.addEventListener('change', () => void inspect(data.sheetName, currentMapping()));
    return element('label', {}, element('span', {}, t(`ui.column.${role}` as MessageKey)), select);
  });
  replaceChildren(byId('columns'), ...selects);

  const preview = byId('preview');
  if (data.preview.length === 0) {
    replaceChildren(preview);
    setText(byId('preview-title'), data.headerRow > 0 && data.mapping.start === null ? t('ui.chooseStart') : '');
  } else {
    setText(byId('preview-title'), t('ui.preview'));
    const shownRoles = COLUMN_ROLES.filter((role) => data.mapping[role] !== null);
    const head = element('tr', {}, element('th', {}, t('ui.preview.row')), ...shownRoles.map((role) => element('th', {}, t(`ui.column.${role}` as MessageKey))));
    const body = data.preview.map((row) => element('tr', {}, element('td', {}, String(row.row)), ...shownRoles.map((role) => element('td', {}, row[role]))));
    replaceChildren(preview, element('thead', {}, head), element('tbody', {}, ...body));
  }
  setText(byId('date-notes'), data.dateNotes.join(' '));
  setText(byId('problems-title'), data.mapping.start === null ? '' : data.problemCount === 0 ? t('ui.noProblems') : t('ui.problems', { count: data.problemCount }));
  replaceChildren(byId('problems'), ...data.problems.map((problem) => element('li', {}, problem)));
}

/** A recognised billing export: what was recognised, and its choices (churn date, currency, billing interval). */
function renderExport(data: TableInspection): void {
  const found = data.billingExport ?? null;
  byId('export-box').hidden = found === null;
  // An export's columns are read by its own rules: the column lists only show what is read.
  for (const select of Array.from(document.querySelectorAll<HTMLSelectElement>('#columns select'))) select.disabled = found !== null;
  if (!found) return;
  setText(byId('export-title'), found.title);
  replaceChildren(byId('export-notes'), ...found.notes.map((note) => element('li', {}, note)));
  const choice = (id: string, label: MessageKey, options: [string, string][], selected: string) => {
    const select = element('select', { id }, ...options.map(([value, text]) => option(value, text, value === selected)));
    select.addEventListener('change', () => void inspect(data.sheetName, null, exportChoices()));
    return element('label', {}, element('span', {}, t(label)), select);
  };
  const choices = [
    choice('export-churn-at', 'ui.export.churnAt', (['serviceEnd', 'cancelRequest'] as const).map((value) => [value, t(`ui.export.churnAt.${value}`)]), found.choices.churnAt),
  ];
  if (found.currencies.length > 1) {
    choices.push(choice('export-currency', 'ui.export.currency', [['', t('ui.export.choose')], ...found.currencies.map((c): [string, string] => [c, c])], found.choices.currency ?? ''));
  }
  if (found.plansWithoutInterval.length > 0 || found.choices.interval !== null) {
    const units = (['day', 'week', 'month', 'quarter', 'year'] as const).map((unit): [string, string] => [unit, t(`ui.interval.${unit}`)]);
    choices.push(choice('export-interval', 'ui.export.interval', [['', t('ui.export.choose')], ...units], found.choices.interval ?? ''));
  }
  replaceChildren(byId('export-choices'), ...choices);
  replaceChildren(byId('export-blockers'), ...found.blockers.map((reason) => element('li', {}, reason)));
}

/** The export choices shown, or null when the table is no recognised export. */
function exportChoices(): ExportChoices | null {
  if (!inspection?.billingExport) return null;
  const value = (id: string) => document.querySelector<HTMLSelectElement>(`#${id}`)?.value ?? '';
  return {
    churnAt: value('export-churn-at') === 'cancelRequest' ? 'cancelRequest' : 'serviceEnd',
    currency: value('export-currency') || null,
    interval: (value('export-interval') || null) as ExportChoices['interval'],
  };
}

function renderOptions(data: TableInspection): void {
  setText(byId('span-hint'), data.span ? t('ui.spanHint', data.span) : '');
  // Blocks per segment need a segment column; the revenue columns come with an amount column.
  const segments = byId<HTMLInputElement>('segments');
  segments.disabled = data.mapping.segment === null;
  if (segments.disabled) segments.checked = false;
  byId('revenue-hint').hidden = data.mapping.amount === null;
  const blockers = [...data.liveFormulaBlockers, ...(segments.checked ? data.segmentFormulaBlockers : [])];
  const blocked = blockers.length > 0;
  byId('live-blocked').hidden = !blocked;
  replaceChildren(byId('live-blockers'), ...blockers.map((reason) => element('li', {}, reason)));
  const formulas = document.querySelector<HTMLInputElement>('input[name="output"][value="formulas"]')!;
  formulas.disabled = blocked;
  if (blocked) document.querySelector<HTMLInputElement>('input[name="output"][value="values"]')!.checked = true;
  // Back to the default once nothing stands in the way, unless daily churn (values only) was chosen meanwhile.
  else if (formulasWereBlocked && byId<HTMLSelectElement>('method').value !== 'daily') formulas.checked = true;
  formulasWereBlocked = blocked;
  renderMethod();
}

/** Daily churn is summed day by day from the customers' dates, which no live formula can do: offered with values only. */
function renderMethod(): void {
  const formulas = document.querySelector<HTMLInputElement>('input[name="output"][value="formulas"]')!.checked;
  const method = byId<HTMLSelectElement>('method');
  method.querySelector<HTMLOptionElement>('option[value="daily"]')!.disabled = formulas;
  if (formulas && method.value === 'daily') method.value = 'start';
}

/** The BigQuery section follows the columns, the period and the segment option as they change. */
function renderSql(): void {
  if (!inspection) return;
  renderSqlSection({ headers: inspection.headers, mapping: currentMapping(), period: byId<HTMLSelectElement>('period').value as PeriodKind, segments: byId<HTMLInputElement>('segments').checked, t });
}

function currentMapping(): ColumnMapping {
  const mapping = {} as ColumnMapping;
  for (const role of COLUMN_ROLES) {
    const value = byId<HTMLSelectElement>(`column-${role}`).value;
    mapping[role as ColumnRole] = value === '' ? null : Number(value);
  }
  return mapping;
}

async function inspect(sheetName: string | null, mapping: ColumnMapping | null, choices: ExportChoices | null = null): Promise<void> {
  byId('error').hidden = true;
  busy(t('ui.loading'));
  try {
    inspection = await callServer('wizardInspect', sheetName, mapping, choices);
    renderSource(inspection);
    renderColumns(inspection);
    renderExport(inspection);
    renderOptions(inspection);
    renderSql();
  } catch (error) {
    showError(error);
  } finally {
    busy(null);
  }
}

function buildRequest(): BuildRequest {
  const profitText = byId<HTMLInputElement>('profit').value.trim();
  return {
    sheetName: inspection!.sheetName,
    headerRow: inspection!.headerRow,
    firstColumn: inspection!.firstColumn,
    mapping: currentMapping(),
    period: byId<HTMLSelectElement>('period').value as PeriodKind,
    firstPeriod: byId<HTMLInputElement>('first-period').value,
    lastPeriod: byId<HTMLInputElement>('last-period').value,
    profitPerCustomer: profitText === '' ? null : Number(profitText),
    output: document.querySelector<HTMLInputElement>('input[name="output"]:checked')!.value as OutputMode,
    chart: byId<HTMLInputElement>('chart').checked,
    cohorts: byId<HTMLInputElement>('cohorts').checked,
    segments: byId<HTMLInputElement>('segments').checked,
    winBack: byId<HTMLInputElement>('win-back').checked,
    method: byId<HTMLSelectElement>('method').value as AdjustedMethod,
    ...(inspection!.billingExport ? { billingExport: exportChoices()! } : {}),
  };
}

async function build(): Promise<void> {
  if (!inspection) return;
  byId('error').hidden = true;
  byId('summary').hidden = true;
  busy(t('ui.building'));
  try {
    const summary = await callServer('wizardBuild', buildRequest());
    const box = byId('summary');
    const lines: (Node | string)[] = [element('p', {}, t('ui.done', { sheet: summary.sheetName, periods: summary.periods, customers: summary.customers }))];
    if (summary.cohortSheetName) lines.push(element('p', {}, t('ui.cohortsDone', { sheet: summary.cohortSheetName })));
    if (summary.lostSheetName) lines.push(element('p', {}, t('ui.winBackDone', { sheet: summary.lostSheetName })));
    if (summary.rowsSkipped > 0) {
      lines.push(element('p', {}, t('ui.skipped', { count: summary.rowsSkipped })), element('ul', {}, ...summary.problems.map((p) => element('li', {}, p))));
    }
    replaceChildren(box, ...lines);
    box.hidden = false;
  } catch (error) {
    showError(error);
  } finally {
    busy(null);
  }
}

async function insertTemplate(): Promise<void> {
  byId('error').hidden = true;
  byId('summary').hidden = true;
  busy(t('ui.building'));
  try {
    const result = await callServer('wizardInsertTemplate', byId<HTMLInputElement>('template-example').checked);
    const box = byId('summary');
    replaceChildren(box, element('p', {}, t('ui.templateDone', { sheet: result.sheetName })));
    box.hidden = false;
  } catch (error) {
    showError(error);
  } finally {
    busy(null);
  }
}

async function switchLanguage(chosen: string): Promise<void> {
  if (!isLanguage(chosen)) return;
  language = chosen;
  fillStaticTexts();
  try {
    await callServer('wizardSetLanguage', chosen);
  } catch (error) {
    showError(error);
  }
  // Previews, problems and notes come from the server: ask again in the new language.
  await inspect(inspection?.sheetName ?? null, inspection ? currentMapping() : null, exportChoices());
}

fillStaticTexts();
byId('language').addEventListener('change', (event) => void switchLanguage((event.target as HTMLSelectElement).value));
byId('sheet').addEventListener('change', (event) => void inspect((event.target as HTMLSelectElement).value, null));
byId('build').addEventListener('click', () => void build());
byId('segments').addEventListener('change', () => inspection && renderOptions(inspection));
for (const radio of Array.from(document.querySelectorAll<HTMLInputElement>('input[name="output"]'))) radio.addEventListener('change', renderMethod);
byId('template').addEventListener('click', () => void insertTemplate());
byId('sql-table').addEventListener('input', renderSql);
byId('period').addEventListener('change', renderSql);
byId('segments').addEventListener('change', renderSql);
byId('sql-copy').addEventListener('click', () => void copySql(t));
void inspect(null, null);
