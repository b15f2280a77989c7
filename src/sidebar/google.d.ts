/** The part of Apps Script's client-side API the sidebar uses (google.script.run). */
interface GoogleScriptRunner {
  withSuccessHandler(handler: (result: unknown) => void): GoogleScriptRunner;
  withFailureHandler(handler: (error: Error) => void): GoogleScriptRunner;
  [serverFunction: string]: unknown;
}

declare const google: { script: { run: GoogleScriptRunner; host?: { close(): void } } };
