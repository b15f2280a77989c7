/**
 * What the custom-function plugin and the workbook share about array results: HyperFormula sizes
 * an array formula once, when the formula is written, while Sheets sizes a spill from each new
 * result. The plugin remembers, per engine (its dependency graph) and formula cell, the size it
 * predicted and the result it computed for it, and notes the formulas whose new result no longer
 * fits that size; the workbook writes those formulas again, so that they are sized anew.
 */
export interface CellAddress {
  sheet: number;
  row: number;
  col: number;
}

export interface SizedResult {
  /** The argument values the result was computed from (their JSON). */
  key: string | null;
  result: unknown;
  width: number;
  height: number;
}

interface EngineSpills {
  sized: Map<string, SizedResult>;
  stale: Map<string, CellAddress>;
}

const engines = new WeakMap<object, EngineSpills>();

export const addressKey = (address: CellAddress) => `${address.sheet}:${address.row}:${address.col}`;

export function spillsOf(dependencyGraph: object): EngineSpills {
  let spills = engines.get(dependencyGraph);
  if (!spills) engines.set(dependencyGraph, (spills = { sized: new Map(), stale: new Map() }));
  return spills;
}

/** The formula cells whose result outgrew or undershot its predicted size since the last call. */
export function takeStaleSpills(dependencyGraph: object): CellAddress[] {
  const spills = engines.get(dependencyGraph);
  if (!spills || spills.stale.size === 0) return [];
  const stale = [...spills.stale.values()];
  spills.stale.clear();
  return stale;
}
