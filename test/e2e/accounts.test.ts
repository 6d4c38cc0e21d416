import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createAccount } from '../../src/services/accounts.js';
import { CLI_CONTEXT } from '../../src/services/audit.js';
import { axeViolations, SCREENSHOTS, startHarness, type Harness } from './browser.js';

const ADMIN = { email: 'ada.lovelace@example.org', password: 'a sound passphrase 42', name: 'Ada Lovelace' };
const POC_EMAIL = 'marie.curie@example.org';
const XSS_NAME = '<img src=x onerror="window.__xss=1">Marie <script>window.__xss=2</script>';

let h: Harness;
let page: Page;
const cspErrors: string[] = [];
let pocPassword = '';
let tokenSecret = '';
const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });

beforeAll(async () => {
  h = await startHarness();
  await createAccount(h.server.db, CLI_CONTEXT, { email: ADMIN.email, displayName: ADMIN.name, role: 'admin', password: ADMIN.password });
  page = await h.page();
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
});
afterAll(async () => { await h?.stop(); });

async function expectAccessible() {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

async function signInThroughForm(email: string, password: string) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('an administrator signs in, makes a token and an account for a State', () => {
  it('signs in through the form, with a clear message for a wrong password, and returns to the page', async () => {
    await page.goto(`${h.server.url}/en/universality`);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/en\/signin\?next=%2Fen%2Funiversality/);
    await signInThroughForm(ADMIN.email, 'not the password 1');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The e-mail or the password is wrong.');
    await shot('10-signin');
    await expectAccessible();
    await signInThroughForm(ADMIN.email, ADMIN.password);
    await page.waitForURL(/\/en\/universality$/);
    await page.getByRole('link', { name: ADMIN.name }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('creates a read token and sees its secret once', async () => {
    await page.getByRole('link', { name: ADMIN.name }).click();
    await page.waitForURL(/\/en\/account$/);
    await page.getByRole('heading', { name: 'Profile' }).waitFor();
    expect(await page.locator('.facts').textContent()).toContain('Administrator');
    await page.getByText('You have no API token.').waitFor();
    await page.getByLabel('Name', { exact: true }).last().fill('Reporting script');
    await page.getByLabel('Access').selectOption('read');
    await page.getByRole('button', { name: 'Create the token' }).click();
    const secret = page.getByLabel('Token', { exact: true });
    await secret.waitFor();
    tokenSecret = await secret.inputValue();
    expect(tokenSecret).toMatch(/^o1540_/);
    expect(await page.locator('.secret-warning').textContent()).toMatch(/shown this once only/);
    const row = page.locator('table.tokens tbody tr', { hasText: 'Reporting script' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Read only.*Never.*Active/);
    await shot('11-account-token');
    await expectAccessible();

    // The token works, read-only, for a program.
    const me = await fetch(`${h.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${tokenSecret}` } });
    expect(me.status).toBe(200);

    // Once dismissed, the secret is nowhere on the page, and a reload does not bring it back.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.reload();
    await row.waitFor();
    expect(await page.content()).not.toContain(tokenSecret);
  });

  it('creates a national point of contact for France and sees the generated password once', async () => {
    await page.getByRole('link', { name: 'Accounts' }).click();
    await page.waitForURL(/\/en\/admin\/users$/);
    await page.locator('table.users tbody tr').first().waitFor();
    await page.getByLabel('E-mail').fill(POC_EMAIL);
    await page.getByLabel('Name', { exact: true }).fill('Marie Curie');
    await page.getByLabel('Role').selectOption('state_poc');
    const stateSelect = page.getByLabel('State', { exact: true });
    await expect.poll(() => stateSelect.locator('option').count()).toBeGreaterThan(190);
    expect(await stateSelect.locator('option[value="FRA"]').textContent()).toBe('France (FRA)');
    await stateSelect.selectOption('FRA');
    await page.getByRole('button', { name: 'Create the account' }).click();
    const password = page.getByLabel('Password', { exact: true });
    await password.waitFor();
    pocPassword = await password.inputValue();
    expect(pocPassword.length).toBeGreaterThanOrEqual(12);
    const row = page.locator('table.users tbody tr', { hasText: POC_EMAIL });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/National point of contact.*State: France.*Active/);
    await shot('12-users-created');
    await expectAccessible();

    // Disabling asks first, and can be undone.
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await row.getByRole('button', { name: /^Disable/ }).click();
    await row.getByRole('group').getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('status').filter({ hasText: 'has been disabled' }).waitFor();
    await expect.poll(() => row.textContent()).toContain('Disabled');
    await row.getByRole('button', { name: /^Enable/ }).click();
    await expect.poll(() => row.textContent()).toContain('Active');
  });

  it('signs out', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => window.localStorage.getItem('open1540.csrf'))).toBeNull();
    const session = await page.evaluate(() => fetch('/api/v1/auth/session').then((r) => r.json()));
    expect(session.user).toBeNull();
  });
});

describe('the point of contact of France', () => {
  it('signs in with the password shown at creation and is refused the accounts page', async () => {
    await page.goto(`${h.server.url}/en/states/FRA`);
    await page.getByRole('heading', { name: 'France', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Points of contact' }).waitFor();
    await page.getByText('No point of contact is available for this State.').waitFor();
    expect(await page.getByRole('button', { name: 'Add a point of contact' }).count()).toBe(0);
    await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(/\/en\/signin\?next=%2Fen%2Fstates%2FFRA/);
    await signInThroughForm(POC_EMAIL, pocPassword);
    await page.waitForURL(/\/en\/states\/FRA$/);
    await page.getByRole('link', { name: 'Marie Curie' }).waitFor();
  });

  it('adds a contact whose name holds markup: it is shown as text and nothing runs', async () => {
    await page.getByRole('button', { name: 'Add a point of contact' }).click();
    const form = page.locator('form.contact-form');
    await form.getByLabel('Name').fill(XSS_NAME);
    await form.getByLabel('Title or function').fill('Head of the 1540 unit');
    await form.getByLabel('Organization').fill('Ministry for Europe and Foreign Affairs');
    await form.getByLabel('E-mail').fill('poc1540@example.org');
    await form.getByLabel('Telephone').fill('+33 1 43 17 53 53');
    await form.getByLabel('Publish on this page').check();
    expect(await form.textContent()).toContain('consent of the person and of the State');
    await form.getByRole('button', { name: 'Add', exact: true }).click();
    const card = page.locator('.contact-card').first();
    await card.waitFor();
    await page.getByRole('status').filter({ hasText: 'has been added' }).waitFor();
    expect(await card.locator('.contact-name').textContent()).toBe(XSS_NAME);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => [...document.querySelectorAll('script')].filter((s) => (s.textContent ?? '').includes('__xss')).length)).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await shot('13-state-contact');
    await expectAccessible();
  });

  it('an edit that crosses another change gets the current version and can be re-applied', async () => {
    const card = page.locator('.contact-card').first();
    await card.getByRole('button', { name: /^Edit/ }).click();
    const form = page.locator('form.contact-form');
    await form.getByRole('heading', { name: /^Edit:/ }).waitFor();
    // Someone else saves a change first (same account, another tab).
    const other = await page.evaluate(async () => {
      const token = window.localStorage.getItem('open1540.csrf')!;
      const { contacts } = await fetch('/api/v1/contacts?state=FRA').then((r) => r.json());
      const c = contacts[0];
      const res = await fetch(`/api/v1/contacts/${c.id}`, {
        method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ name: c.name, title: c.title, organisation: c.organisation, email: c.email, phone: '+33 1 00 00 00 00', published: c.published, version: c.version }),
      });
      return res.status;
    });
    expect(other).toBe(200);
    await form.getByLabel('Title or function').fill('Head of the 1540 national unit');
    await form.getByRole('button', { name: 'Save' }).click();
    const conflict = form.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('+33 1 00 00 00 00');
    await conflict.scrollIntoViewIfNeeded();
    await shot('14-contact-conflict');
    await expectAccessible();
    await conflict.getByRole('button', { name: 'Apply my changes to the current version' }).click();
    await page.getByRole('status').filter({ hasText: 'has been saved' }).waitFor();
    expect(await card.textContent()).toContain('Head of the 1540 national unit');
  });

  it('the audit log lists the contact being added, and the chain verifies', async () => {
    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(/\/en\/audit$/);
    await page.locator('table.audit tbody tr').first().waitFor();
    const added = page.locator('table.audit tbody tr', { hasText: 'Point of contact added' });
    await added.waitFor();
    expect(await added.textContent()).toContain('National point of contact');
    expect(await added.textContent()).toContain(XSS_NAME);
    await page.locator('.verified').waitFor();
    expect(await page.locator('.verify').textContent()).toMatch(/Verified.*The chain is intact/);
    await page.getByRole('button', { name: 'Verify now' }).click();
    await page.locator('.verified').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await shot('15-audit');
    await expectAccessible();
  });

  it('the accounts page says plainly that only administrators may use it', async () => {
    await page.goto(`${h.server.url}/en/admin/users`);
    await page.getByRole('alert').filter({ hasText: 'Not allowed' }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
  });

  it('the account page lays out right to left in Arabic', async () => {
    await page.goto(`${h.server.url}/ar/account`);
    await page.getByRole('heading', { level: 1, name: 'حسابي' }).waitFor();
    await page.locator('.facts').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('.facts').textContent()).toContain('جهة اتصال وطنية');
    await shot('16-account-ar');
    await expectAccessible();
  });

  it('a reader who is not signed in sees the published contact, without the means to change it', async () => {
    const ctx = await h.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const p = await ctx.newPage();
    try {
      await p.goto(`${h.server.url}/en/states/FRA`);
      await p.locator('.contact-card').first().waitFor();
      expect(await p.locator('.contact-name').first().textContent()).toBe(XSS_NAME);
      expect(await p.locator('form.contact-form').count()).toBe(0);
      expect(await p.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
      expect(await p.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    } finally { await ctx.close(); }
  });

  it('no page broke the Content-Security-Policy', () => {
    expect(cspErrors).toEqual([]);
  });
});
