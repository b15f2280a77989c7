/**
 * The README's headline formula in the playground: CHURN_TABLE typed into a cell spills its
 * table into the grid, and a wrong argument shows #ERROR! whose message appears when the cell is
 * clicked (Sheets shows it on hover, which the grid offers too).
 */
import { playgroundInChromium } from '../helpers/playground';

const started = playgroundInChromium();

test('=CHURN_TABLE(B2:B1001, C2:C1001) spills in the grid; an error shows its message', async () => {
  const page = await started.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(started.playground.url);
  await page.waitForSelector('#grid td');
  const type = async (a1: string, input: string) => {
    await page.locator(`#grid td[data-a1="${a1}"]`).click();
    await page.fill('#formula', input);
    await page.press('#formula', 'Enter');
  };

  await type('E1', '=CHURN_TABLE(B2:B1001, C2:C1001)');
  await page.locator('#grid td[data-a1="E1"]', { hasText: 'Period start' }).waitFor();
  const row = async (r: number) => (await page.locator(`#grid tr:nth-child(${r + 1}) td`).allTextContents()).slice(4, 11);
  const rows = await Promise.all(Array.from({ length: 16 }, (_, r) => row(r + 1)));
  const january = rows.find((cells) => cells[0].startsWith('2024-01-01'))!;
  expect(january.slice(1)).toEqual(['500', '200', '0', '15', '4', '681']);
  // The spill ends where the table ends.
  expect(rows[15]).toEqual(['', '', '', '', '', '', '']);

  await type('E20', '=CHURN_TABLE(B2:B1001, C2:C1001, "fortnight")');
  await page.locator('#grid td[data-a1="E20"]', { hasText: '#ERROR!' }).waitFor();
  await page.locator('#grid td[data-a1="E20"]').click();
  await page.locator('#cell-error', { hasText: 'CHURN_TABLE' }).waitFor();
  expect(await page.locator('#cell-error').textContent()).toMatch(/^CHURN_TABLE: .*"?fortnight"?/);
  expect(await page.getAttribute('#grid td[data-a1="E20"]', 'title')).toBe(await page.locator('#cell-error').textContent());
  // A cell without an error clears the message.
  await page.locator('#grid td[data-a1="A1"]').click();
  expect(await page.locator('#cell-error').textContent()).toBe('');
  await page.close();
});
