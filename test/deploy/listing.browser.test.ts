/**
 * The Marketplace listing images: the generator behind `npm run assets` and `npm run screenshots`
 * run into a temp directory, each PNG's pixel size read from its IHDR header (the sizes the
 * store accepts exactly).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ASSETS, renderAssets } from '../../scripts/listing/assets';
import { SCREEN_SIZE, screenshotFile, takeScreenshots } from '../../scripts/listing/screenshots';
import { chromiumForFile } from '../helpers/browser';

const ROOT = path.resolve(__dirname, '../..');

/** Width and height from a PNG's header: the signature, then the IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

const chromium = chromiumForFile();

test('the icons and the banner come out at 32x32, 128x128 and 220x140', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'churn-assets-'));
  const files = await renderAssets(chromium.browser, ROOT, out);
  expect(files.map((file) => path.basename(file))).toEqual(['icon-32.png', 'icon-128.png', 'banner-220x140.png']);
  expect(files.map(pngSize)).toEqual([
    { width: 32, height: 32 },
    { width: 128, height: 128 },
    { width: 220, height: 140 },
  ]);
  expect(ASSETS.map(({ width, height }) => ({ width, height }))).toEqual(files.map(pngSize));
});

test('a listing screenshot of the wizard in the playground is 1280x800', async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'churn-screens-'));
  const files = await takeScreenshots(chromium.browser, ROOT, out, { languages: ['en'], screens: ['wizard'] });
  expect(files).toEqual([path.join(out, screenshotFile('en', 'wizard'))]);
  expect(pngSize(files[0])).toEqual(SCREEN_SIZE);
  expect(SCREEN_SIZE).toEqual({ width: 1280, height: 800 });
});
