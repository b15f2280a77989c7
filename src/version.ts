/** The add-on's version (package.json), put into the bundle by the build; "dev" when run from the sources. */
declare const __ADDON_VERSION__: string | undefined;

export const ADDON_VERSION: string = typeof __ADDON_VERSION__ === 'string' ? __ADDON_VERSION__ : 'dev';
