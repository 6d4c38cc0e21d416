import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, SCREENSHOTS, startHarness, type Harness } from './browser.js';

let h: Harness;
let page: Page;
const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });

beforeAll(async () => { h = await startHarness(); page = await h.page(); });
afterAll(async () => { await h?.stop(); });

async function expectAccessible() {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

describe('a reader walks home → a State → an instrument → the map on another date', () => {
  it('home shows what open1540 is and headline figures', async () => {
    await page.goto(`${h.server.url}/`);
    await page.waitForURL(/\/en\/$/);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.locator('.card').first().waitFor();
    const npt = page.locator('.card', { hasText: 'NPT' });
    expect(Number(await npt.locator('.card-figure').textContent())).toBeGreaterThan(180);
    await shot('01-home');
    await expectAccessible();
  });

  it('the States page filters by group and finds a State by a name in another language', async () => {
    await page.getByRole('link', { name: 'States', exact: true }).first().click();
    await page.waitForURL(/\/en\/states/);
    await page.getByText(/^\d+ States$/).waitFor();
    expect(await page.getByText(/^\d+ States$/).textContent()).toMatch(/^19[5-9] States$/);
    await page.getByLabel('Regional group').selectOption('eastern-european');
    await page.waitForURL(/group=eastern-european/);
    await page.getByText('23 States').waitFor();
    await page.getByLabel('Regional group').selectOption('');
    await page.getByLabel('Search names').fill('Франция');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/q=/);
    await page.getByText('1 States').waitFor();
    await shot('02-states-search');
    await expectAccessible();
    await page.getByRole('link', { name: 'France' }).click();
  });

  it('the State profile lists every instrument with status, timeline and sources', async () => {
    await page.waitForURL(/\/en\/states\/FRA/);
    await page.getByRole('heading', { name: 'France', level: 1 }).waitFor();
    const nptRow = page.locator('tr', { has: page.getByRole('link', { name: 'NPT', exact: true }) });
    await nptRow.waitFor();
    expect(await nptRow.locator('.badge').textContent()).toBe('Party');
    expect(await nptRow.locator('.timeline li').count()).toBeGreaterThan(0);
    expect(await page.locator('.sources li').count()).toBeGreaterThan(0);
    await shot('03-state-france');
    await expectAccessible();
    await nptRow.getByRole('link', { name: 'NPT', exact: true }).click();
  });

  it('the instrument page shows the chart, the map and the non-parties', async () => {
    await page.waitForURL(/\/en\/instruments\/npt/);
    await page.locator('.chart svg').waitFor();
    await page.locator('.map svg path.country').first().waitFor();
    expect(await page.locator('.map svg path.country').count()).toBeGreaterThan(200);
    const nonParties = page.locator('.chips li');
    const names = await nonParties.allTextContents();
    expect(names.join(' ')).toMatch(/India/);
    expect(names.join(' ')).toMatch(/Democratic People's Republic of Korea.*Withdrawn/);
    await shot('04-instrument-npt');
    await expectAccessible();
  });

  it('the map follows another date, kept in the URL', async () => {
    await page.getByLabel('Exact date').fill('1990-12-31');
    await page.waitForURL(/date=1990-12-31/);
    await page.getByText(/As of (31 December 1990|December 31, 1990)/).waitFor();
    const summary = await page.locator('.summary').textContent();
    const parties = Number(/: (\d+) parties/.exec(summary ?? '')?.[1]);
    expect(parties).toBeGreaterThan(130);
    expect(parties).toBeLessThan(160);
    expect((await page.locator('.chips').textContent()) ?? '').toMatch(/France/);
    await shot('05-instrument-npt-1990');
    await page.reload();
    await page.getByText(/As of (31 December 1990|December 31, 1990)/).waitFor();
  });
});

describe('six languages', () => {
  it('Arabic is laid out right to left with Arabic names, and the switcher keeps the page', async () => {
    await page.goto(`${h.server.url}/ar/states/EGY`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('مصر');
    await shot('06-state-egypt-ar');
    await page.locator('.lang-switch select').selectOption('zh');
    await page.waitForURL(/\/zh\/states\/EGY/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('埃及');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('the universality overview shows instruments × regional groups with downloads', async () => {
    await page.goto(`${h.server.url}/fr/universality?date=2008-12-31`);
    await page.locator('table.matrix tbody tr').first().waitFor();
    expect(await page.locator('table.matrix tbody tr').count()).toBeGreaterThanOrEqual(20);
    const csv = await page.locator('.downloads a', { hasText: 'CSV' }).getAttribute('href');
    expect(csv).toContain('/api/v1/universality.csv?asOf=2008-12-31&lang=fr');
    await shot('07-universality-fr-2008');
    await expectAccessible();
  });
});

describe('on a phone', () => {
  it('the State profile and the instrument page fit the screen (tables scroll inside their box)', async () => {
    const phone = await h.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'es-ES' });
    const p = await phone.newPage();
    try {
      await p.goto(`${h.server.url}/es/instruments/cwc`);
      await p.locator('.map svg path.country').first().waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await p.screenshot({ path: `${SCREENSHOTS}/08-phone-cwc-es.png` });
      await p.goto(`${h.server.url}/es/states/MEX`);
      await p.getByRole('heading', { name: 'México', level: 1 }).waitFor();
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally { await phone.close(); }
  });
});
