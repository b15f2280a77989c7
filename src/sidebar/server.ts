/**
 * Typed calls to the server functions, as promises. google.script.run is callback-based and
 * untyped; this wrapper gives the sidebar the server's own signatures (src/shared/wizard.ts).
 */
import type { WizardServer } from '../shared/wizard';

export function callServer<K extends keyof WizardServer>(name: K, ...args: Parameters<WizardServer[K]>): Promise<ReturnType<WizardServer[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((result) => resolve(result as ReturnType<WizardServer[K]>))
      .withFailureHandler((error) => reject(error));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
