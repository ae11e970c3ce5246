/**
 * report.html as a person meets it: headless Chromium opens the report of a failing run, on a
 * desktop (1400 px) and on a phone (390 px). The failures come first, each with its clause's
 * quote and how to reproduce it; a filter is clicked, a cell is clicked, and what is shown is
 * checked; the page never lays out wider than its viewport (the matrix scrolls inside its box).
 * A report whose every text is hostile shows that text and no element of it. Screenshots are
 * kept in .artifacts/ (git-ignored) for people to look at: report-html-1400.png,
 * report-html-390.png and report-html-390-detail.png.
 */
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, launchChromium } from './fixtures/chromium.ts';
import { failingRun, INJECTION, LEAKED_TOKEN } from './fixtures/failing-run.ts';
import { HOSTILE_SERVICE, hostileRun, LONG_BODY } from './fixtures/hostile-run.ts';
import { writeReport } from './write-report.ts';

const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));
const REPORT_DIR = `${ARTIFACTS}html-report`;
const HOSTILE_DIR = `${ARTIFACTS}html-report-hostile`;
const CHECKS_CANCELLED = 'td.cell[data-service="checks"][data-outcome="FAIL"] >> nth=0';
const DESKTOP = { width: 1400, height: 1000 };
const PHONE = { width: 390, height: 844 };

/**
 * How much wider than its viewport the page lays out: 0 when nothing overflows sideways
 * (`document.documentElement.scrollWidth` against the viewport's width). In the page, as text:
 * the project's TypeScript has no DOM types.
 */
function overflow(page: Page): Promise<number> {
  return page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

/** The innermost elements that stick out past the viewport or overflow their own box. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const width = document.documentElement.clientWidth;
    const wide = (element) =>
      element.getBoundingClientRect().right > width + 0.5 ||
      (element.scrollWidth > element.clientWidth + 1 &&
        getComputedStyle(element).overflowX === 'visible');
    return Array.from(document.querySelectorAll('body *'))
      .filter((element) => !element.closest('.matrix-scroll') && wide(element))
      .filter((element) => !Array.from(element.children).some(wide))
      .slice(0, 5)
      .map((element) => element.tagName.toLowerCase() + '.' + element.className);
  })()`);
}

/** Opens every folded part of the page. */
function unfold(page: Page): Promise<unknown> {
  return page.evaluate('document.querySelectorAll("details").forEach((d) => { d.open = true; })');
}

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
    await page.setViewportSize(DESKTOP);
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

  it('leads with the failures: in the first screen, above the matrix', async () => {
    const top = async (selector: string) =>
      (await page.locator(selector).first().boundingBox())?.y ?? Number.POSITIVE_INFINITY;
    expect(await top('.findings')).toBeLessThan(DESKTOP.height / 2);
    expect(await top('.findings')).toBeLessThan(await top('.matrix'));
  });

  it('gives each failing clause its sentence, the finding in one line and a command to paste', async () => {
    const first = page.locator('section.finding').first();
    expect(await first.locator('h3').innerText()).toBe(
      'FAIL cancelled operation projects/p/locations/l/operations/op-1 has error {"code":2}, expected error.code 1 (CANCELLED) on checks',
    );
    expect(await first.locator('.finding-clause blockquote').innerText()).toBe(
      'it becomes an operation with an Operation.error value with a google.rpc.Status.code of 1, corresponding to Code.CANCELLED.',
    );
    expect(await first.locator('.finding-clause pre').innerText()).toBe(
      'npx lro-conformance run --target http://127.0.0.1:5555 --service checks --clause cancel/cancelled-operation-has-error-code-1',
    );
    // Located by its place, not its name: the name changes to "Copied".
    const copy = first.locator('.finding-clause button.copy');
    expect(await copy.innerText()).toBe('Copy command');
    await copy.click();
    await expect.poll(() => copy.innerText()).toBe('Copied');
    await expect.poll(() => copy.innerText(), { timeout: 5_000 }).toBe('Copy command');
    // The target is reached over HTTP: the request the finding rests on, as curl.
    expect(await first.getByRole('button', { name: 'Copy curl' }).count()).toBe(1);
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
    expect(text).toContain(
      'npx lro-conformance run --target http://127.0.0.1:5555 --service checks --clause cancel/cancelled-operation-has-error-code-1',
    );
    expect(page.url()).toMatch(/#cell-\d+$/);
  });

  it('copies a curl line', async () => {
    const copy = page.locator('.cell-detail:visible button.copy').last();
    await copy.click();
    await expect.poll(() => copy.innerText()).toBe('Copied');
  });

  it('opens a cell from the findings list and from the address fragment', async () => {
    const finding = page.locator('section.finding').first();
    await finding.locator('details.covered > summary').click();
    await finding
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

  it('lays out within 1400 px on a desktop', async () => {
    await page.goto(reportUrl);
    expect(await overflow(page), (await overflowing(page)).join(', ')).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}report-html-1400.png`, fullPage: true });
  });

  it('lays out within 390 px on a phone, a cell detail open too', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize(PHONE);
    await phone.goto(reportUrl);
    expect(await overflow(phone), (await overflowing(phone)).join(', ')).toBe(0);
    await phone.screenshot({ path: `${ARTIFACTS}report-html-390.png`, fullPage: true });
    await phone.locator(CHECKS_CANCELLED).getByRole('button').click();
    await unfold(phone);
    expect(await overflow(phone), (await overflowing(phone)).join(', ')).toBe(0);
    // The detail's text wraps inside the viewport instead of being cut off.
    const box = await phone.locator('.cell-detail:visible').boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(
      PHONE.width,
    );
    await phone.screenshot({ path: `${ARTIFACTS}report-html-390-detail.png`, fullPage: true });
    await phone.close();
  });
});

describe('report.html of a run whose every text is hostile, in Chromium', {
  timeout: 60_000,
}, () => {
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    await rm(HOSTILE_DIR, { recursive: true, force: true });
    const written = await writeReport(HOSTILE_DIR, hostileRun());
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.setViewportSize(PHONE);
    await page.goto(pathToFileURL(written.htmlReport).href);
    await unfold(page);
    await page.locator('td.cell button').first().click();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('makes no element of its text, in the findings, the matrix, the details and the exchanges', async () => {
    expect(dialogs).toEqual([]);
    expect(await page.locator('img, b, i, iframe, object, embed').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  });

  it('shows the text as it came, in attributes too', async () => {
    expect(await page.locator('.findings').innerText()).toContain('<img src=x onerror="alert(1)">');
    expect(await page.locator(`td.cell[data-service="${HOSTILE_SERVICE}"]`).count()).toBe(2);
    expect(await page.locator('.cell-detail:visible pre.http').first().innerText()).toContain(
      '<script>alert(3)</script>',
    );
  });

  it('wraps a 400-character body instead of widening the page', async () => {
    expect(await page.locator('.cell-detail:visible').innerText()).toContain(
      LONG_BODY.slice(0, 40),
    );
    expect(await overflow(page), (await overflowing(page)).join(', ')).toBe(0);
  });
});
