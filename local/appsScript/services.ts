/**
 * The Apps Script services around the spreadsheet: Ui and menus, HtmlService, LockService,
 * PropertiesService, Session, Charts, Utilities, Logger and console. They record what the add-on
 * did (menus, sidebars, alerts, logs) for the tests to read.
 */
import type { FakeContext, FakeMenu } from './context';
import { isDate } from './workbook';
import { IllegalPatternError, formatDate } from './zonedTime';

export const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

// ---- Ui ---------------------------------------------------------------------------------------

export class FakeUi {
  readonly Button = BUTTON;
  readonly ButtonSet = BUTTON_SET;

  constructor(private readonly ctx: FakeContext) {}

  createAddonMenu(): FakeMenuBuilder {
    return this.ctx.registry.register('Menu', new FakeMenuBuilder(this.ctx, { name: '(add-on)', addon: true, items: [], subMenus: [], separators: 0 }));
  }
  createMenu(caption: string): FakeMenuBuilder {
    if (typeof caption !== 'string') this.ctx.fail(`The parameters (${typeof caption}) don't match the method signature for Ui.createMenu.`);
    return this.ctx.registry.register('Menu', new FakeMenuBuilder(this.ctx, { name: caption, addon: false, items: [], subMenus: [], separators: 0 }));
  }
  showSidebar(userInterface: FakeHtmlOutput): void {
    if (!(userInterface instanceof FakeHtmlOutput)) this.ctx.fail('Ui.showSidebar takes an HtmlOutput.');
    this.ctx.ui.sidebars.push({ title: userInterface.getTitle(), html: userInterface.getContent() });
  }
  showModalDialog(userInterface: FakeHtmlOutput, title: string): void {
    if (!(userInterface instanceof FakeHtmlOutput)) this.ctx.fail('Ui.showModalDialog takes an HtmlOutput.');
    this.ctx.ui.dialogs.push({ title: String(title), html: userInterface.getContent(), modal: true });
  }
  showModelessDialog(userInterface: FakeHtmlOutput, title: string): void {
    if (!(userInterface instanceof FakeHtmlOutput)) this.ctx.fail('Ui.showModelessDialog takes an HtmlOutput.');
    this.ctx.ui.dialogs.push({ title: String(title), html: userInterface.getContent(), modal: false });
  }
  /** alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons); answers from ui.alertResponses. */
  alert(...args: unknown[]): string {
    this.ctx.ui.alerts.push(args);
    const queued = this.ctx.ui.alertResponses.shift();
    if (queued !== undefined) return queued;
    const buttons = args.length >= 2 ? args[args.length - 1] : undefined;
    return buttons === 'YES_NO' || buttons === 'YES_NO_CANCEL' ? BUTTON.YES : BUTTON.OK;
  }
  prompt(...args: unknown[]): { getResponseText(): string; getSelectedButton(): string } {
    this.ctx.ui.prompts.push(args);
    const answer = this.ctx.ui.promptResponses.shift() ?? { text: '' };
    const button = answer.button ?? BUTTON.OK;
    return { getResponseText: () => answer.text, getSelectedButton: () => button };
  }
}

export class FakeMenuBuilder {
  constructor(
    private readonly ctx: FakeContext,
    readonly menu: FakeMenu,
  ) {}
  addItem(caption: string, functionName: string): FakeMenuBuilder {
    if (typeof caption !== 'string' || typeof functionName !== 'string') this.ctx.fail('Menu.addItem takes a caption and a function name (strings).');
    this.menu.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenuBuilder {
    this.menu.separators++;
    return this;
  }
  addSubMenu(menu: FakeMenuBuilder): FakeMenuBuilder {
    if (!(menu instanceof FakeMenuBuilder)) this.ctx.fail('Menu.addSubMenu takes a Menu.');
    this.menu.subMenus.push(menu.menu);
    return this;
  }
  /** Shows the menu; running onOpen again replaces the menu of the same name, as reopening would. */
  addToUi(): void {
    const menus = this.ctx.ui.menus;
    const index = menus.findIndex((m) => m.name === this.menu.name && m.addon === this.menu.addon);
    if (index >= 0) menus.splice(index, 1, this.menu);
    else menus.push(this.menu);
  }
}

// ---- HtmlService ------------------------------------------------------------------------------

export const SANDBOX_MODE = { EMULATED: 'EMULATED', IFRAME: 'IFRAME', NATIVE: 'NATIVE' } as const;
export const X_FRAME_OPTIONS_MODE = { ALLOWALL: 'ALLOWALL', DEFAULT: 'DEFAULT' } as const;

export class FakeHtmlOutput {
  private content: string;
  private title = '';
  private width: number | null = null;
  private height: number | null = null;
  private sandboxMode: string = SANDBOX_MODE.IFRAME;
  private xFrameOptionsMode: string = X_FRAME_OPTIONS_MODE.DEFAULT;
  private readonly metaTags: { name: string; content: string }[] = [];

  constructor(content: string) {
    this.content = content;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): FakeHtmlOutput {
    this.content = String(content);
    return this;
  }
  append(addedContent: string): FakeHtmlOutput {
    this.content += String(addedContent);
    return this;
  }
  appendUntrusted(addedContent: string): FakeHtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this;
  }
  clear(): FakeHtmlOutput {
    this.content = '';
    return this;
  }
  setTitle(title: string): FakeHtmlOutput {
    this.title = String(title);
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(width: number): FakeHtmlOutput {
    this.width = width;
    return this;
  }
  getWidth(): number | null {
    return this.width;
  }
  setHeight(height: number): FakeHtmlOutput {
    this.height = height;
    return this;
  }
  getHeight(): number | null {
    return this.height;
  }
  setSandboxMode(mode: string): FakeHtmlOutput {
    this.sandboxMode = mode;
    return this;
  }
  getSandboxMode(): string {
    return this.sandboxMode;
  }
  setXFrameOptionsMode(mode: string): FakeHtmlOutput {
    this.xFrameOptionsMode = mode;
    return this;
  }
  getXFrameOptionsMode(): string {
    return this.xFrameOptionsMode;
  }
  addMetaTag(name: string, content: string): FakeHtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this;
  }
  getMetaTags(): { getName(): string; getContent(): string }[] {
    return this.metaTags.map((tag) => ({ getName: () => tag.name, getContent: () => tag.content }));
  }
  setFaviconUrl(): FakeHtmlOutput {
    return this;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * HtmlTemplate: a plain object (scripts assign variables to it), so it is not proxied.
 * evaluate() replaces printing scriptlets that name a variable assigned to the template
 * (<?= name ?> escaped, <?!= name ?> raw, dotted paths allowed) and leaves every other scriptlet
 * untouched: the fake does not run template code.
 */
export function createTemplate(ctx: FakeContext, source: string): Record<string, unknown> {
  const template: Record<string, unknown> = {};
  Object.defineProperties(template, {
    evaluate: {
      enumerable: false,
      value: () => {
        const html = source.replace(/<\?(!?)=\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*\?>/g, (whole, raw: string, path: string) => {
          const [head, ...rest] = path.split('.');
          if (!(head in template)) return whole;
          let value: unknown = template[head];
          for (const key of rest) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
          const text = value === undefined || value === null ? '' : String(value);
          return raw ? text : escapeHtml(text);
        });
        return ctx.registry.expose(ctx.registry.register('HtmlOutput', new FakeHtmlOutput(html)));
      },
    },
    getRawContent: { enumerable: false, value: () => source },
  });
  return template;
}

export class FakeHtmlService {
  readonly SandboxMode = SANDBOX_MODE;
  readonly XFrameOptionsMode = X_FRAME_OPTIONS_MODE;

  constructor(
    private readonly ctx: FakeContext,
    private readonly files: Record<string, string>,
  ) {}

  #file(name: string): string {
    const content = this.files[name] ?? this.files[`${name}.html`];
    if (content === undefined) this.ctx.fail(`No HTML file named ${name} was found.`);
    return content;
  }
  createHtmlOutput(html: string = ''): FakeHtmlOutput {
    return this.ctx.registry.register('HtmlOutput', new FakeHtmlOutput(String(html)));
  }
  createHtmlOutputFromFile(filename: string): FakeHtmlOutput {
    return this.ctx.registry.register('HtmlOutput', new FakeHtmlOutput(this.#file(filename)));
  }
  createTemplate(html: string): Record<string, unknown> {
    return createTemplate(this.ctx, String(html));
  }
  createTemplateFromFile(filename: string): Record<string, unknown> {
    return createTemplate(this.ctx, this.#file(filename));
  }
}

// ---- LockService ------------------------------------------------------------------------------

export type LockKind = 'document' | 'script' | 'user';

/** One lock slot; `holder` is the Lock object holding it, or 'outside' when a test holds it. */
export class LockSlot {
  holder: object | 'outside' | null = null;
}

export class FakeLock {
  constructor(
    private readonly ctx: FakeContext,
    private readonly slot: LockSlot,
  ) {}
  /** Succeeds when the lock is free or already this Lock's; the fake never waits. */
  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number') this.ctx.fail(`The parameters (${typeof timeoutInMillis}) don't match the method signature for LockService.Lock.tryLock.`);
    if (this.slot.holder !== null && this.slot.holder !== this) return false;
    this.slot.holder = this;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) this.ctx.fail('Lock timeout: another process was holding the lock for too long.');
  }
  releaseLock(): void {
    if (this.slot.holder === this) this.slot.holder = null;
  }
  hasLock(): boolean {
    return this.slot.holder === this;
  }
}

export class FakeLockService {
  constructor(
    private readonly ctx: FakeContext,
    private readonly slots: Record<LockKind, LockSlot>,
  ) {}
  // Each call returns a new Lock, as each execution gets its own; they share the slot.
  getDocumentLock(): FakeLock {
    return this.ctx.registry.register('Lock', new FakeLock(this.ctx, this.slots.document));
  }
  getScriptLock(): FakeLock {
    return this.ctx.registry.register('Lock', new FakeLock(this.ctx, this.slots.script));
  }
  getUserLock(): FakeLock {
    return this.ctx.registry.register('Lock', new FakeLock(this.ctx, this.slots.user));
  }
}

// ---- PropertiesService ------------------------------------------------------------------------

/** Apps Script's per-value limit (9 KB) and per-store limit (500 KB). */
const MAX_VALUE_BYTES = 9 * 1024;
const MAX_STORE_BYTES = 500 * 1024;
const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;

export class FakeProperties {
  constructor(
    private readonly ctx: FakeContext,
    private readonly store: Map<string, string>,
  ) {}

  #check(key: string, value: string): void {
    const bytes = byteLength(value);
    if (bytes > MAX_VALUE_BYTES) this.ctx.fail(`Argument too large: value (property "${key}" holds ${bytes} bytes)`);
    let total = byteLength(key) + bytes;
    for (const [k, v] of this.store) if (k !== key) total += byteLength(k) + byteLength(v);
    if (total > MAX_STORE_BYTES) this.ctx.fail('You have exceeded the property storage quota.');
  }
  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: unknown): FakeProperties {
    const text = String(value);
    this.#check(String(key), text);
    this.store.set(String(key), text);
    return this;
  }
  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): FakeProperties {
    if (deleteAllOthers) this.store.clear();
    for (const [key, value] of Object.entries(properties)) this.setProperty(key, value);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
  getKeys(): string[] {
    return [...this.store.keys()];
  }
  deleteProperty(key: string): FakeProperties {
    this.store.delete(String(key));
    return this;
  }
  deleteAllProperties(): FakeProperties {
    this.store.clear();
    return this;
  }
}

export class FakePropertiesService {
  constructor(
    private readonly ctx: FakeContext,
    private readonly stores: { user: Map<string, string>; document: Map<string, string>; script: Map<string, string> },
  ) {}
  getUserProperties(): FakeProperties {
    return this.ctx.registry.register('Properties', new FakeProperties(this.ctx, this.stores.user));
  }
  getDocumentProperties(): FakeProperties {
    return this.ctx.registry.register('Properties', new FakeProperties(this.ctx, this.stores.document));
  }
  getScriptProperties(): FakeProperties {
    return this.ctx.registry.register('Properties', new FakeProperties(this.ctx, this.stores.script));
  }
}

// ---- Session, Charts, Utilities, Logger, console ----------------------------------------------

export class FakeSession {
  constructor(
    private readonly ctx: FakeContext,
    private readonly scriptTimeZone: string,
    /** The Google account's locale; the test handle's setUserLocale changes it (another user, or a browser's language in the playground). */
    public userLocale: string,
  ) {}
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
  getActiveUserLocale(): string {
    return this.userLocale;
  }
  getEffectiveUser(): FakeUser {
    return this.ctx.registry.register('User', new FakeUser());
  }
  getActiveUser(): FakeUser {
    return this.ctx.registry.register('User', new FakeUser());
  }
  getTemporaryActiveUserKey(): string {
    return 'fake-temporary-active-user-key';
  }
}

/** An add-on without the email scope sees an empty address. */
export class FakeUser {
  getEmail(): string {
    return '';
  }
}

export const CHART_TYPE = {
  AREA: 'AREA',
  BAR: 'BAR',
  BUBBLE: 'BUBBLE',
  CANDLESTICK: 'CANDLESTICK',
  COLUMN: 'COLUMN',
  COMBO: 'COMBO',
  GAUGE: 'GAUGE',
  GEO: 'GEO',
  HISTOGRAM: 'HISTOGRAM',
  LINE: 'LINE',
  ORG: 'ORG',
  PIE: 'PIE',
  RADAR: 'RADAR',
  SCATTER: 'SCATTER',
  SPARKLINE: 'SPARKLINE',
  STEPPED_AREA: 'STEPPED_AREA',
  TABLE: 'TABLE',
  TIMELINE: 'TIMELINE',
  TREEMAP: 'TREEMAP',
  WATERFALL: 'WATERFALL',
} as const;

export class FakeCharts {
  readonly ChartType = CHART_TYPE;
  readonly ChartHiddenDimensionStrategy = {
    IGNORE_BOTH: 'IGNORE_BOTH',
    IGNORE_ROWS: 'IGNORE_ROWS',
    IGNORE_COLUMNS: 'IGNORE_COLUMNS',
    SHOW_BOTH: 'SHOW_BOTH',
  } as const;
  readonly ChartMergeStrategy = { MERGE_COLUMNS: 'MERGE_COLUMNS', MERGE_ROWS: 'MERGE_ROWS' } as const;
  readonly Position = { TOP: 'TOP', RIGHT: 'RIGHT', BOTTOM: 'BOTTOM', NONE: 'NONE' } as const;
}

export class FakeUtilities {
  constructor(private readonly ctx: FakeContext) {}
  /** Java SimpleDateFormat patterns, in the given zone. */
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      this.ctx.fail("The parameters don't match the method signature for Utilities.formatDate (Date, String, String).");
    }
    try {
      return formatDate(date.getTime(), timeZone, format);
    } catch (error) {
      // Java's IllegalArgumentException reaches the script as an error of its own realm.
      if (error instanceof IllegalPatternError) this.ctx.fail(error.message);
      throw error;
    }
  }
  /** Tests must not wait. */
  sleep(): void {}
  getUuid(): string {
    const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
    if (crypto?.randomUUID) return crypto.randomUUID();
    // Uniqueness is all a test needs where no Web Crypto is around.
    return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => ((Math.random() * 16) | (c === 'x' ? 0 : 8)).toString(16).slice(-1));
  }
}

/** Formats log arguments like Logger.log: a format string with %s/%d/%f placeholders, or values joined. */
function logText(args: unknown[]): string {
  const show = (v: unknown) => (typeof v === 'string' ? v : isDate(v) ? v.toString() : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  if (typeof args[0] === 'string' && args.length > 1 && /%[sdfoj]/.test(args[0])) {
    const rest = args.slice(1);
    const text = args[0].replace(/%[sdfoj]/g, () => (rest.length ? show(rest.shift()) : ''));
    return [text, ...rest.map(show)].join(' ');
  }
  return args.map(show).join(' ');
}

export class FakeLogger {
  constructor(private readonly logs: string[]) {}
  log(...args: unknown[]): FakeLogger {
    this.logs.push(logText(args));
    return this;
  }
  getLog(): string {
    return this.logs.join('\n');
  }
  clear(): void {
    this.logs.length = 0;
  }
}

/** A console that records instead of printing (Stackdriver logs, in Apps Script). */
export function recordingConsole(logs: string[]): Record<string, (...args: unknown[]) => void> {
  const at = (level: string) => (...args: unknown[]) => {
    logs.push(level === 'log' ? logText(args) : `[${level}] ${logText(args)}`);
  };
  return { log: at('log'), info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}
