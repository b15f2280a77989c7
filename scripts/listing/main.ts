// `npm run assets` and `npm run screenshots`: the Marketplace listing images in docs/listing/.
//   assets       the icons (32x32, 128x128) and the banner (220x140) from assets/*.svg
//   screenshots  1280x800 screenshots from the playground (dist/ must be built; $PORT, if set,
//                is the playground's port, else any free one)
// Run from the project's root, as npm does.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { renderAssets } from './assets';
import { launchChromium } from './chromium';
import { takeScreenshots } from './screenshots';

const root = process.cwd();
const outDir = path.join(root, 'docs/listing');
const tasks = process.argv.slice(2);

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'assets/icon.svg'))) throw new Error(`run it from the project's root (no assets/icon.svg in ${root})`);
  const unknown = tasks.filter((task) => task !== 'assets' && task !== 'screenshots');
  if (tasks.length === 0 || unknown.length > 0) throw new Error('say what to make: assets, screenshots or both');
  const browser = await launchChromium();
  try {
    const files: string[] = [];
    if (tasks.includes('assets')) files.push(...(await renderAssets(browser, root, outDir)));
    if (tasks.includes('screenshots')) {
      if (!existsSync(path.join(root, 'dist/Code.js'))) throw new Error('dist/Code.js is missing: run npm run build first');
      files.push(...(await takeScreenshots(browser, root, outDir, { port: Number(process.env.PORT ?? 0) })));
    }
    for (const file of files) console.log(`wrote ${path.relative(root, file)}`);
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(`listing images: ${error.message}`);
  process.exit(1);
});
