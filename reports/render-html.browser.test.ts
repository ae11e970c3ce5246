/**
 * report.html as a person meets it: headless Chromium opens the report of a failing run, a
 * filter is clicked, a cell is clicked, and what is shown is checked. A screenshot is kept in
 * .artifacts/report-html.png (git-ignored) for people to look at.
 */
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from './fixtures/chromium.ts';
import { failingRun, INJECTION, LEAKED_TOKEN } from './fixtures/failing-run.ts';
import { writeReport } from './write-report.ts';

const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const REPORT_DIR = `${ARTIFACTS}html-report`;
const SCREENSHOT = `${ARTIFACTS}report-html.png`;
const CHECKS_CANCELLED = 'td.cell[data-service="checks"][data-outcome="FAIL"] >> nth=0';

describe('report.html in Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const problems: string[] = [];
  let reportUrl: string;

  beforeAll(async () => {
    await rm(REPORT_DIR, { recursive: true, force: true });
    await mkdir(ARTIFACTS, { recursive: true });
    const written = await writeReport(REPORT_DIR, failingRun());
    reportUrl = pathToFileURL(written.htmlReport).href;
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(reportUrl);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens with no network, no script error and no injected script run', async () => {
    expect(requests.every((url) => url.startsWith('file:'))).toBe(true);
    expect(problems).toEqual([]);
    expect(
      await page.evaluate(() => (globalThis as { injected?: unknown }).injected),
    ).toBeUndefined();
    expect(await page.locator('.findings').innerText()).toContain(INJECTION);
    expect(await page.content()).not.toContain(LEAKED_TOKEN);
  });

  it('shows the verdict, the counts and the matrix', async () => {
    expect(await page.locator('#verdict').innerText()).toBe(
      'NOT conformant: 3 MUST cells fail (1 MUST cell ERROR or INCONCLUSIVE, not verified)',
    );
    expect(await page.locator('.counts').innerText()).toMatch(/3 PASS\s+5 FAIL\s+2 N\/A/);
    expect(await page.locator('td.cell').count()).toBe(13);
    expect(await page.locator('#shown-count').innerText()).toBe('13 of 13 cells shown');
  });

  it('filters by outcome, strength and service', async () => {
    const row = page.locator('tr[data-clause="cancel/cancelled-operation-has-error-code-1"]');
    await page.getByRole('checkbox', { name: /^FAIL/ }).uncheck();
    expect(await page.locator('#shown-count').innerText()).toBe('8 of 13 cells shown');
    expect(await page.locator('section.finding:visible').count()).toBe(2);
    await page.getByRole('checkbox', { name: /^PASS/ }).uncheck();
    await page.getByRole('checkbox', { name: /^N\/A/ }).uncheck();
    expect(await row.isVisible()).toBe(false);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => page.locator('#shown-count').innerText()).toBe('13 of 13 cells shown');
    expect(await row.isVisible()).toBe(true);

    await page.getByRole('checkbox', { name: /^SHOULD/ }).uncheck();
    expect(await page.locator('tr[data-strength="SHOULD"]').isVisible()).toBe(false);
    await page.getByRole('checkbox', { name: /^checks/ }).uncheck();
    expect(await page.locator('th[data-column="checks"]').isVisible()).toBe(false);
    expect(await page.locator('#shown-count').innerText()).toBe('6 of 13 cells shown');
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => page.locator('#shown-count').innerText()).toBe('13 of 13 cells shown');
  });

  it("shows a clicked cell's quote, sources, message and every exchange with its curl line", async () => {
    await page.locator(CHECKS_CANCELLED).getByRole('button').click();
    const detail = page.locator('.cell-detail:visible');
    expect(await detail.count()).toBe(1);
    const text = await detail.innerText();
    expect(text).toContain('FAIL checks · cancel/cancelled-operation-has-error-code-1');
    expect(text).toContain('it becomes an operation with an Operation.error value');
    expect(text).toContain("What FAIL means here: The cancelled operation's error.code is not 1.");
    expect(text).toContain('expected error.code 1 (CANCELLED) on checks');
    expect(
      await detail.getByRole('link', { name: /Checks API v1alpha/ }).getAttribute('href'),
    ).toBe(
      'https://developers.google.com/checks/reference/rest/v1alpha/accounts.apps.operations/cancel',
    );
    expect(await detail.getByRole('link', { name: 'javascript:alert(1)' }).count()).toBe(0);
    expect(await detail.locator('details.exchange').count()).toBe(2);
    expect(text).toContain(
      "curl 'http://127.0.0.1:5555/v1/projects/p/locations/l/operations/op-1'",
    );
    expect(page.url()).toMatch(/#cell-\d+$/);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('copies a curl line', async () => {
    const copy = page.locator('.cell-detail:visible button.copy').last();
    await copy.click();
    await expect.poll(() => copy.innerText()).toBe('Copied');
  });

  it('opens a cell from the findings list and from the address fragment', async () => {
    await page
      .locator('section.finding')
      .first()
      .getByRole('button', { name: /^dai · cancel\/cancelled-operation-has-error-code-1/ })
      .click();
    expect(await page.locator('.cell-detail:visible h2').innerText()).toBe(
      'FAIL dai · cancel/cancelled-operation-has-error-code-1',
    );
    const fragment = new URL(page.url()).hash;
    const fresh = await browser.context.newPage();
    await fresh.goto(`${reportUrl}${fragment}`);
    expect(await fresh.locator('.cell-detail:visible h2').innerText()).toBe(
      'FAIL dai · cancel/cancelled-operation-has-error-code-1',
    );
    await fresh.close();
  });
});
