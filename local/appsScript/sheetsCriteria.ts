/**
 * Text criteria (COUNTIFS, SUMIFS, ...) matched as Google Sheets matches them. Sheets compares the
 * criterion with the whole cell, ignoring case but not accents, with `*` (any text), `?` (one
 * character) and `~` (the next character taken literally) as its only special characters.
 * HyperFormula builds a regular expression from the criterion without escaping every character
 * that has a meaning there (`|` is left as is, so "a|b" matched "a" and "b"), and it drops accents
 * ("é" matched "e"). The engine's matchers are replaced on the one engine the fake owns.
 */

/** The part of HyperFormula's ArithmeticHelper that builds criterion matchers. */
interface CriterionMatchers {
  eqMatcherFunction(pattern: string): (cellValue: unknown) => boolean;
  neqMatcherFunction(pattern: string): (cellValue: unknown) => boolean;
}

const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;

/** A criterion's text as a regular expression for the whole (lower-cased) cell. */
export function criterionRegex(pattern: string): RegExp {
  const text = pattern.toLowerCase();
  let source = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '~' && i + 1 < text.length && '*?~'.includes(text[i + 1])) {
      source += `\\${text[++i]}`;
    } else if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else source += REGEX_SPECIAL.test(ch) ? `\\${ch}` : ch;
  }
  return new RegExp(`^${source}$`, 'u');
}

/**
 * Makes the engine's text criteria match as Sheets': `arithmeticHelper` is the engine's
 * (`engine.evaluator.interpreter.arithmeticHelper`). Throws when it is not there, so that a
 * HyperFormula that moved it is noticed rather than silently matching otherwise.
 */
export function matchCriteriaAsSheets(engine: unknown): void {
  const helper = (engine as { evaluator?: { interpreter?: { arithmeticHelper?: CriterionMatchers } } }).evaluator?.interpreter?.arithmeticHelper;
  if (!helper || typeof helper.eqMatcherFunction !== 'function' || typeof helper.neqMatcherFunction !== 'function') {
    throw new Error('HyperFormula has no criterion matchers where the Apps Script fake expects them (evaluator.interpreter.arithmeticHelper)');
  }
  helper.eqMatcherFunction = (pattern: string) => {
    const regex = criterionRegex(pattern);
    return (cellValue) => typeof cellValue === 'string' && regex.test(cellValue.toLowerCase());
  };
  helper.neqMatcherFunction = (pattern: string) => {
    const regex = criterionRegex(pattern);
    return (cellValue) => typeof cellValue !== 'string' || !regex.test(cellValue.toLowerCase());
  };
}
