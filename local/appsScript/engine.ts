/**
 * HyperFormula as the fake's formula engine. Kept apart from the fake itself so that code that
 * runs without formula evaluation (the churn-sheet command line) never loads HyperFormula, which
 * is GPL-3 licensed.
 */
import { HyperFormula } from 'hyperformula';
import type { EngineSupport } from './fakeApps';

export const hyperFormulaSupport: EngineSupport = {
  build: (config) => HyperFormula.buildEmpty(config),
  registerPlugins(plugins) {
    for (const { plugin, translations } of plugins) {
      const ids = Object.keys(plugin.implementedFunctions);
      // Registration is global: a second fake with the same plugin must not register it again.
      if (ids.length > 0 && ids.every((id) => HyperFormula.getFunctionPlugin(id) === plugin)) continue;
      HyperFormula.registerFunctionPlugin(plugin, translations);
    }
  },
};
