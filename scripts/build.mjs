// Builds what `clasp push` uploads: dist/Code.js, dist/Sidebar.html and dist/appsscript.json.
//
// dist/Code.js = the engine bundled by esbuild as one global (ChurnSheet), followed by
// src/entry.ts transpiled on its own by TypeScript, which keeps the JSDoc blocks that Sheets'
// autocomplete reads (esbuild drops comments). Only top-level function declarations are
// visible to Apps Script, so every callable lives in entry.ts.
import { build } from 'esbuild';
import ts from 'typescript';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
// Apps Script's V8 runtime: modern syntax is fine, but stay a few years behind the newest.
const TARGET = 'es2019';
const packageJson = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

async function bundleEngine() {
  const result = await build({
    entryPoints: [path.join(root, 'src/api.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'ChurnSheet',
    target: TARGET,
    // The self-check's report names the version, so a report can be matched to a release.
    define: { __ADDON_VERSION__: JSON.stringify(packageJson.version) },
    platform: 'neutral',
    // Greek, Latvian and the other catalogues as UTF-8 (Apps Script files are UTF-8), not as
    // \uXXXX escapes, which would triple the size of the Greek texts.
    charset: 'utf8',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

async function transpileEntry() {
  const source = await readFile(path.join(root, 'src/entry.ts'), 'utf8');
  const { outputText, diagnostics } = ts.transpileModule(source, {
    fileName: 'entry.ts',
    reportDiagnostics: true,
    compilerOptions: { target: ts.ScriptTarget.ES2019, module: ts.ModuleKind.None, removeComments: false },
  });
  if (diagnostics?.length) throw new Error(ts.flattenDiagnosticMessageText(diagnostics[0].messageText, '\n'));
  if (/^\s*(export|import)\b/m.test(outputText)) throw new Error('src/entry.ts must stay a script: no import or export');
  return outputText;
}

// The sidebar is its own bundle: one self-contained HTML file with its CSS and script inlined,
// nothing loaded from other hosts (HtmlService serves it as is).
async function buildSidebar() {
  const result = await build({
    entryPoints: [path.join(root, 'src/sidebar/main.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    minify: true,
    charset: 'utf8',
    write: false,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const script = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  const [template, css] = await Promise.all([
    readFile(path.join(root, 'src/sidebar/index.html'), 'utf8'),
    readFile(path.join(root, 'src/sidebar/style.css'), 'utf8'),
  ]);
  if (!template.includes('/*STYLE*/') || !template.includes('/*SCRIPT*/')) throw new Error('src/sidebar/index.html lost its placeholders');
  // Function replacements: a "$&" in the script must not be read as a replacement pattern.
  return template.replace('/*STYLE*/', () => css).replace('/*SCRIPT*/', () => script);
}

export async function buildAll() {
  await mkdir(dist, { recursive: true });
  const [engine, entry, sidebar] = await Promise.all([bundleEngine(), transpileEntry(), buildSidebar()]);
  await writeFile(path.join(dist, 'Sidebar.html'), sidebar);
  const header = '// Churn toolkit for Google Sheets. Built file: edit src/ and run `npm run build`.\n';
  await writeFile(path.join(dist, 'Code.js'), `${header}${engine}\n${entry}`);
  await copyFile(path.join(root, 'appsscript.json'), path.join(dist, 'appsscript.json'));
}

await buildAll();
console.log('built dist/Code.js, dist/Sidebar.html and dist/appsscript.json');
