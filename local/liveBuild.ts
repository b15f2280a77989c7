/**
 * A build with live formulas whose results come from the add-on itself, not from a formula
 * engine. The add-on offers live formulas only when they count what its own engine counts, so the
 * values build of the same request gives every formula its result. The command line writes those
 * results into its files; the playground shows them, where HyperFormula would need many seconds
 * to evaluate COUNTIFS over a large customer table.
 */
import type { BuildRequest, BuildSummary } from '../src/shared/wizard';
import type { Host } from './host';

interface ActiveSheet {
  getActive(): { getActiveSheet(): { getName(): string }; getSheetByName(name: string): unknown; setActiveSheet(sheet: unknown): void };
}

/**
 * Runs wizardBuild as the sidebar asks; for live formulas, the sheets with formulas (the churn
 * sheet, the cohort sheet) keep the values build's numbers as their formulas' results, and the
 * values build's sheets are deleted again. Formulas on other sheets go to the engine, if any.
 * `between` runs between the two builds (the command line collects the first one's garbage there).
 */
export function buildWithOwnResults(host: Host, request: BuildRequest, between: () => void = () => {}): BuildSummary {
  const build = (r: BuildRequest) => host.addOn.wizardBuild(r) as BuildSummary;
  if (request.output !== 'formulas') return build(request);
  const { apps } = host;
  return apps.holdFormulas(() => {
    const summary = build(request);
    const spreadsheet = (apps.globals.SpreadsheetApp as ActiveSheet).getActive();
    const active = spreadsheet.getActiveSheet().getName();
    between();
    const computed = build({ ...request, output: 'values', winBack: false });
    apps.cacheFormulaResults(summary.sheetName, computed.sheetName);
    apps.removeSheet(computed.sheetName);
    if (summary.cohortSheetName !== null && computed.cohortSheetName !== null) {
      apps.cacheFormulaResults(summary.cohortSheetName, computed.cohortSheetName);
      apps.removeSheet(computed.cohortSheetName);
    }
    // The values build leaves its own sheet active; the user is shown what the build made.
    if (apps.sheetNames().includes(active)) spreadsheet.setActiveSheet(spreadsheet.getSheetByName(active));
    return summary;
  });
}
