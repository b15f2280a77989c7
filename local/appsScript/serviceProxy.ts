/**
 * The boundary between the add-on and the fake's objects. Every service object the add-on sees
 * is a Proxy over a plain class instance that:
 *  - exposes only the class's methods and its Capitalised enum fields (internal fields stay hidden,
 *    so code that pokes at `range.row` fails as it would in Apps Script);
 *  - counts calls for the kinds that cost a round trip in Sheets (SpreadsheetApp, Spreadsheet,
 *    Sheet, Range);
 *  - turns a call of a method the fake does not implement into a clear Error;
 *  - unwraps fake objects passed back in (setActiveSheet(sheet)) and wraps fake objects returned
 *    (including in arrays, as getSheets() returns), so the classes only ever see each other raw.
 */

export interface CallCounts {
  total: number;
  byMethod: Record<string, number>;
}

/** Property names that test frameworks and runtimes probe on any object; they read as undefined. */
const PROBED = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  '$$typeof',
  'nodeType',
  'tagName',
  'inspect',
  'toString',
  'valueOf',
  'length',
  'prototype',
  '__proto__',
  '_isMockFunction',
  '@@__IMMUTABLE_ITERABLE__@@',
  '@@__IMMUTABLE_RECORD__@@',
  '@@__IMMUTABLE_KEYED__@@',
  '@@__IMMUTABLE_ORDERED__@@',
]);

export class ServiceRegistry {
  readonly calls: CallCounts = { total: 0, byMethod: {} };
  private readonly kinds = new WeakMap<object, string>();
  private readonly proxies = new WeakMap<object, object>();
  private readonly raws = new WeakMap<object, object>();
  private readonly counted: ReadonlySet<string>;

  constructor(countedKinds: Iterable<string>) {
    this.counted = new Set(countedKinds);
  }

  /** Marks a raw object as a service object of this kind (e.g. 'Range'); returns it unchanged. */
  register<T extends object>(kind: string, raw: T): T {
    this.kinds.set(raw, kind);
    return raw;
  }

  resetCalls(): void {
    this.calls.total = 0;
    for (const key of Object.keys(this.calls.byMethod)) delete this.calls.byMethod[key];
  }

  /** The object the add-on sees for a raw service object (the same proxy every time). */
  expose<T>(value: T): T {
    // Only arrays of service objects (getSheets, getCharts) are mapped; value grids pass untouched.
    if (Array.isArray(value)) return value.length > 0 && this.kinds.has(value[0]) ? (value.map((item) => this.expose(item)) as T) : value;
    if (value === null || typeof value !== 'object') return value;
    const kind = this.kinds.get(value);
    if (!kind) return value;
    let proxy = this.proxies.get(value);
    if (!proxy) {
      proxy = this.makeProxy(kind, value);
      this.proxies.set(value, proxy);
      this.raws.set(proxy, value);
    }
    return proxy as T;
  }

  /** The raw object behind a proxy (or the value itself). */
  unwrap<T>(value: T): T {
    if (value !== null && typeof value === 'object') return (this.raws.get(value) as T | undefined) ?? value;
    return value;
  }

  /** The kind of a raw or exposed service object, if it is one. */
  kindOf(value: unknown): string | undefined {
    if (value === null || typeof value !== 'object') return undefined;
    return this.kinds.get(this.unwrap(value));
  }

  private makeProxy(kind: string, raw: object): object {
    const wrappers = new Map<string, unknown>();
    const counted = this.counted.has(kind);
    const calls = this.calls;
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const registry = this;
    const describe = () => kind; // String(range) is 'Range' in Apps Script
    return new Proxy(raw, {
      // Internal fields stay invisible to JSON.stringify, Object.keys and test printers ('{}' as in Apps Script).
      ownKeys: () => [],
      get(target, prop) {
        if (typeof prop === 'symbol') return Reflect.get(target, prop);
        if (prop === 'toString') return describe;
        const cached = wrappers.get(prop);
        if (cached !== undefined) return cached;
        const value = exposedMember(target, prop);
        if (typeof value === 'function') {
          const key = `${kind}.${prop}`;
          const method = value as (...args: unknown[]) => unknown;
          const wrapper = function (...args: unknown[]): unknown {
            if (counted) {
              calls.total++;
              calls.byMethod[key] = (calls.byMethod[key] ?? 0) + 1;
            }
            for (let i = 0; i < args.length; i++) args[i] = registry.unwrap(args[i]);
            return registry.expose(method.apply(target, args));
          };
          wrappers.set(prop, wrapper);
          return wrapper;
        }
        if (value !== undefined) return registry.expose(value);
        if (PROBED.has(prop) || prop === 'constructor') return undefined;
        if (/^[A-Z]/.test(prop)) throw new Error(`${kind}.${prop} is not implemented by the Apps Script fake (local/appsScript/appsScript.ts)`);
        const missing = () => {
          throw new Error(`${kind}.${prop}() is not implemented by the Apps Script fake (local/appsScript/appsScript.ts)`);
        };
        wrappers.set(prop, missing);
        return missing;
      },
    });
  }
}

/** A public method from the class chain, or a Capitalised (enum) field; undefined otherwise. */
function exposedMember(target: object, prop: string): unknown {
  if (prop === 'constructor' || prop.startsWith('_')) return undefined;
  if (/^[A-Z]/.test(prop)) return Reflect.get(target, prop);
  for (let proto = Object.getPrototypeOf(target); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, prop);
    // Getters are internal helpers; only plain methods are part of the service's surface.
    if (descriptor) return typeof descriptor.value === 'function' ? descriptor.value : undefined;
  }
  return undefined;
}
