import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createAccount } from '../../src/services/accounts.js';
import { CLI_CONTEXT } from '../../src/services/audit.js';
import { axeViolations, SCREENSHOTS, startHarness, type Harness } from './browser.js';

const ISO3 = 'FRA';
const FIELD = 'op2.nw.manufacture.legal';
const OTHER = 'op2.cw.manufacture.legal';
const EXPERT = { email: 'rosalind.franklin@example.org', password: 'an expert passphrase 7', name: 'Rosalind Franklin' };
const POC = { email: 'irene.joliot@example.org', password: 'a national passphrase 8', name: 'Irène Joliot-Curie' };
const MEMBER = { email: 'ralph.bunche@example.org', password: 'a member passphrase 9', name: 'Ralph Bunche' };
// Long enough for a member to sign in and place a hold after the submission, short enough to wait for.
const PERIOD = '6s';
const DRAFT_XLSX = join(tmpdir(), `open1540-e2e-draft-${process.pid}.xlsx`);
const PUBLISHED_XLSX = join(tmpdir(), `open1540-e2e-published-${process.pid}.xlsx`);

let h: Harness;
let page: Page;
const cspErrors: string[] = [];
const matrixUrl = (lang = 'en') => `${h.server.url}/${lang}/states/${ISO3}/matrix`;
const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: false });
/** A screenshot of the viewport with `l` at its top. */
async function shotAt(name: string, l: Locator) {
  await l.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await shot(name);
}
const cell = (field: string, layer: 'matrix' | 'open-source' = 'matrix') => page.locator(`button.cell[data-field="${field}"][data-layer="${layer}"]`);
const statusBadge = () => page.locator('.matrix-header .matrix-status');
const dialog = () => page.getByRole('dialog');
/** The text a screen reader announces for an element (its text without the parts hidden from assistive technology). */
const spoken = (l: Locator) => l.evaluate((el) => {
  const walk = (n: Node): string => (n.nodeType === 3 ? n.textContent ?? '' : (n as Element).getAttribute?.('aria-hidden') === 'true' ? '' : [...n.childNodes].map(walk).join(''));
  return walk(el).replace(/\s+/g, ' ').trim();
});

beforeAll(async () => {
  h = await startHarness();
  for (const [a, role, state] of [[EXPERT, 'expert', undefined], [POC, 'state_poc', ISO3], [MEMBER, 'committee_member', undefined]] as const) {
    await createAccount(h.server.db, CLI_CONTEXT, { email: a.email, displayName: a.name, role, password: a.password, ...(state ? { state } : {}) });
  }
  page = await h.page();
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspErrors.push(m.text()); });
});
afterAll(async () => {
  delete process.env.MATRIX_APPROVAL_PERIOD;
  for (const f of [DRAFT_XLSX, PUBLISHED_XLSX]) rmSync(f, { force: true });
  await h?.stop();
});

async function expectAccessible() {
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
}

async function signIn(a: { email: string; password: string; name: string }) {
  await page.goto(`${h.server.url}/en/signin?next=${encodeURIComponent(`/en/states/${ISO3}/matrix`)}`);
  await page.getByLabel('E-mail').fill(a.email);
  await page.getByLabel('Password').fill(a.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/en\/states\/FRA\/matrix$/);
  await page.getByRole('banner').getByRole('link', { name: a.name }).waitFor();
  await cell(FIELD).waitFor();
}

async function signOut() {
  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
}

async function expectStatus(text: string) {
  await expect.poll(() => statusBadge().textContent()).toBe(text);
}

async function openField(field: string, layer: 'matrix' | 'open-source' = 'matrix'): Promise<Locator> {
  await cell(field, layer).click();
  const d = dialog();
  await d.waitFor();
  return d;
}

async function closeDialog() {
  await dialog().getByRole('button', { name: 'Close' }).click();
  await dialog().waitFor({ state: 'detached' });
}

describe('the public reads a State with no matrix yet', () => {
  it('shows the tables, the open-source layer clearly labelled, and passes axe', async () => {
    await page.goto(matrixUrl());
    await page.getByRole('heading', { level: 1, name: '1540 matrix: France' }).waitFor();
    await cell(FIELD).waitFor();
    await expectStatus('No matrix');
    const note = page.locator('.os-note');
    expect(await note.textContent()).toMatch(/Open-source layer.*not reviewed or approved by the 1540 Committee/);
    // The NPT row: France is a party, as the depositary records show; not a Committee entry.
    const npt = cell('op1.nw.npt.yes', 'open-source');
    expect(await spoken(npt)).toMatch(/open-source layer: X steps taken/);
    expect(await spoken(cell('op1.nw.npt.yes'))).toMatch(/No information$/);
    expect(await page.getByRole('button', { name: 'Start a draft' }).count()).toBe(0);
    await shot('30-matrix-public-empty');
    await shotAt('30b-matrix-op1', page.locator('#section-op1'));
    await expectAccessible();
    const d = await openField('op1.nw.npt.yes', 'open-source');
    expect(await d.textContent()).toContain('Derived from depositary records, not reviewed by the 1540 Committee.');
    expect(await d.locator('.os-facts').textContent()).toMatch(/npt/);
    await expectAccessible();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('op1.nw.npt.yes');
  });
});

describe('an expert prepares the draft', () => {
  it('starts a draft, accepts the open-source layer and registers the first report', async () => {
    await signIn(EXPERT);
    await page.getByRole('button', { name: 'Start a draft' }).click();
    await expectStatus('Draft');
    await page.getByRole('button', { name: 'Accept the open-source layer' }).click();
    await page.getByRole('status').filter({ hasText: /fields taken from the open-source layer/ }).waitFor();
    await expect.poll(() => cell('op1.nw.npt.yes').getAttribute('data-provenance')).toBe('open-source');
    expect(await spoken(cell('op1.nw.npt.yes'))).toMatch(/: X steps taken/);

    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Register a submission' }) });
    await form.getByLabel('Kind').selectOption('first-report');
    await form.getByLabel('Date').fill('2004-10-28');
    await form.getByLabel('Document symbol (optional)').fill('S/AC.44/2004/(02)/5');
    await form.getByRole('button', { name: 'Register', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The submission has been registered.' }).waitFor();
    await expect.poll(() => page.locator('.matrix-header').textContent()).toContain('October 28, 2004');
  });

  it('refuses an X without a citation, naming the field, then saves it with a legislation citation', async () => {
    const d = await openField(FIELD);
    await d.getByRole('heading', { name: 'Manufacture / produce — Nuclear weapons, National legal framework' }).waitFor();
    await d.getByRole('radio', { name: /^X:/ }).check();
    await d.getByRole('button', { name: 'Save the field' }).click();
    const alert = d.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Manufacture \/ produce — Nuclear weapons, National legal framework \[op2\.nw\.manufacture\.legal\]: evidence/);

    const ed = d.locator('.field-editor');
    await ed.getByRole('button', { name: 'Add a citation' }).click();
    await ed.getByLabel('Kind of source').selectOption('legislation');
    await ed.getByLabel('Document', { exact: true }).fill('Code de la défense');
    await ed.getByLabel(/^Where in the document/).fill('art. L2341-1');
    await ed.getByLabel(/^Link/).fill('https://www.legifrance.gouv.fr/codes/id/LEGITEXT000006071307/');
    await ed.getByLabel(/^Language/).fill('fr');
    await ed.getByLabel(/^Excerpt/).fill('Sont punis … la mise au point, la fabrication, la détention … des armes nucléaires.');
    await ed.getByLabel(/^Reason for the change/).fill('First national report, p. 4');
    await shot('31-matrix-editor-dialog');
    await d.getByRole('button', { name: 'Save the field' }).click();
    await d.getByRole('status').filter({ hasText: 'The field has been saved.' }).waitFor();
    expect(await d.locator('.field-value').textContent()).toContain('Code de la défense');
    await expectAccessible();

    await d.getByRole('button', { name: 'Show the history of this field' }).click();
    const history = d.locator('table.history tbody tr');
    await history.first().waitFor();
    expect(await history.count()).toBe(1);
    expect(await history.first().textContent()).toMatch(/First national report, p\. 4.*X1/);
    await closeDialog();
    expect(await spoken(cell(FIELD))).toMatch(/: X steps taken.*; 1 citations/);
  });

  it('a save that crosses another change shows the current value beside it, and reloads it', async () => {
    const d = await openField(OTHER);
    // Someone else (the same account, in another tab) saves the field first.
    const status = await page.evaluate(async ([iso3, field]) => {
      const res = await fetch(`/api/v1/states/${iso3}/matrix/fields`, {
        method: 'PATCH', headers: { 'content-type': 'application/json', 'x-csrf-token': window.localStorage.getItem('open1540.csrf')! },
        body: JSON.stringify({ reason: 'another tab', fields: [{ field, version: 0, mark: 'NA' }] }),
      });
      return res.status;
    }, [ISO3, OTHER]);
    expect(status).toBe(200);
    await d.getByRole('radio', { name: /^\?:/ }).check();
    await d.locator('.field-editor').getByRole('button', { name: 'Add a citation' }).click();
    await d.locator('.field-editor').getByLabel('Document', { exact: true }).fill('Loi n° 98-467 (armes chimiques)');
    await d.getByRole('button', { name: 'Save the field' }).click();
    const conflict = d.locator('.conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toMatch(/Changed by someone else.*Current value.*NA.*Your change.*\?.*Loi n° 98-467/s);
    await conflict.scrollIntoViewIfNeeded();
    await shot('32-matrix-conflict');
    await expectAccessible();
    await conflict.getByRole('button', { name: 'Reload the current value' }).click();
    await d.locator('.conflict').waitFor({ state: 'detached' });
    await expect.poll(() => d.getByText('Editing from version 1 of this field.').count()).toBe(1);
    expect(await d.getByRole('radio', { name: /^NA:/ }).isChecked()).toBe(true);
    await closeDialog();
  });

  it('downloads the draft for editing as XLSX, and an unchanged workbook imports as "nothing changed"', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download for editing (XLSX)' }).click()]);
    const path = DRAFT_XLSX;
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await page.getByLabel('Import an edited workbook (XLSX)').setInputFiles(path);
    await page.getByText('Nothing changed: the workbook holds the same values as the draft.').waitFor();
  });

  it('shares the draft with the State', async () => {
    await shotAt('33-matrix-expert-work', page.locator('.work-panel'));
    await shotAt('33b-matrix-expert-op2', page.locator('#section-op2'));
    await expectAccessible();
    await page.getByRole('button', { name: 'Share with the State' }).click();
    await expectStatus('Shared with the State');
    await signOut();
  });
});

describe('the point of contact of France reviews the shared draft', () => {
  it('sees the shared draft and comments on a field', async () => {
    await signIn(POC);
    await expectStatus('Shared with the State');
    expect(await page.getByRole('button', { name: 'Share with the State' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save the field' }).count()).toBe(0);
    const d = await openField(FIELD);
    expect(await d.locator('.field-editor').count()).toBe(0);
    await d.getByLabel('Comment', { exact: true }).fill('The Defence Code is completed by Law 2011-266; please cite it too.');
    await d.getByLabel(/^Link to further information/).fill('https://www.legifrance.gouv.fr/loda/id/JORFTEXT000023707312');
    await d.getByLabel(/^Title of the link/).fill('Law 2011-266');
    await d.getByRole('button', { name: 'Post the comment' }).click();
    await d.getByRole('status').filter({ hasText: 'Your comment has been posted.' }).waitFor();
    await d.locator('.comment').filter({ hasText: 'Law 2011-266' }).waitFor();
    await shot('34-matrix-poc-comment');
    await expectAccessible();
    await closeDialog();
    await signOut();
  });
});

describe('the expert revises, records agreement and submits', () => {
  it('revises the field after the comment', async () => {
    await signIn(EXPERT);
    const comment = page.locator('.comments .comment').filter({ hasText: 'Law 2011-266' });
    await comment.waitFor();
    expect(await comment.textContent()).toMatch(/Irène Joliot-Curie.*National point of contact/);
    await comment.getByRole('button', { name: 'Manufacture / produce — Nuclear weapons, National legal framework' }).click();
    const d = dialog();
    await d.waitFor();
    const ed = d.locator('.field-editor');
    await ed.getByRole('button', { name: 'Add a citation' }).click();
    await ed.getByLabel('Document', { exact: true }).nth(1).fill('Loi n° 2011-266 relative à la lutte contre la prolifération');
    await ed.getByLabel(/^Link/).nth(1).fill('https://www.legifrance.gouv.fr/loda/id/JORFTEXT000023707312');
    await ed.getByLabel(/^Reason for the change/).fill('Comment of the point of contact');
    await d.getByRole('button', { name: 'Save the field' }).click();
    await d.getByRole('status').filter({ hasText: 'The field has been saved.' }).waitFor();
    await closeDialog();
    expect(await spoken(cell(FIELD))).toMatch(/2 citations/);
  });

  it('records the agreement of the State and submits for approval', async () => {
    await page.getByRole('button', { name: 'Record the State\'s agreement' }).click();
    await expectStatus('Agreed with the State');
    process.env.MATRIX_APPROVAL_PERIOD = PERIOD;
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await expectStatus('In approval (no-objection period)');
    await page.locator('.clock .clock-badge-running').waitFor();
    await signOut();
  });
});

describe('a committee member holds, then lifts the hold; the matrix is approved', () => {
  it('places a hold with a reason: the clock shows it held', async () => {
    await signIn(MEMBER);
    const clock = page.locator('section.clock');
    await clock.waitFor();
    await clock.getByLabel('Reason for the hold').fill('The delegation wants to read Law 2011-266 first.');
    await clock.getByRole('button', { name: 'Place a hold' }).click();
    await clock.locator('.clock-badge-held').waitFor();
    expect(await clock.textContent()).toMatch(/Held.*Ralph Bunche.*Law 2011-266 first/s);
    await clock.scrollIntoViewIfNeeded();
    await shot('35-matrix-hold');
    await expectAccessible();
  });

  it('lifts the hold; after the period the matrix is approved', async () => {
    const clock = page.locator('section.clock');
    await clock.getByRole('button', { name: 'Lift my hold' }).click();
    await clock.locator('.clock-badge-running').waitFor();
    await expect.poll(async () => {
      await page.reload();
      await statusBadge().waitFor();
      return statusBadge().textContent();
    }, { timeout: 40_000, interval: 2000 }).toBe('Approved');
    expect(await page.locator('section.clock').textContent()).toMatch(/No objection by the deadline/);
    await signOut();
  });
});

describe('the expert publishes; the public reads the published matrix', () => {
  it('publishes', async () => {
    await signIn(EXPERT);
    await expectStatus('Approved');
    await page.getByRole('button', { name: 'Publish' }).click();
    await expectStatus('Published');
    await signOut();
  });

  it('the public sees the published matrix with the mark, its citations and the header', async () => {
    await page.goto(matrixUrl());
    await expectStatus('Published');
    expect(await spoken(cell(FIELD))).toMatch(/: X steps taken.*; 2 citations/);
    const header = await page.locator('.matrix-header').textContent();
    expect(header).toContain('October 28, 2004');
    expect(header).not.toContain('Not approved yet');
    await shot('36-matrix-public-published');
    await expectAccessible();
    const d = await openField(FIELD);
    expect(await d.textContent()).toMatch(/Approved by the Committee.*Code de la défense.*art\. L2341-1.*Loi n° 2011-266/s);
    expect(await d.locator('.field-editor').count()).toBe(0);
    await closeDialog();
    expect(await page.locator('section.comments').count()).toBe(0);
  });

  it('the XLSX download of the published matrix is a workbook', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.downloads').getByRole('link', { name: 'Excel' }).click()]);
    const path = PUBLISHED_XLSX;
    await download.saveAs(path);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  });

  it('compares the published matrix with the open-source layer and with an earlier date', async () => {
    const diff = page.locator('section.matrix-diff');
    await diff.getByLabel('From', { exact: true }).selectOption('open-source');
    await diff.getByLabel('To', { exact: true }).selectOption('current');
    await diff.getByRole('button', { name: 'Compare' }).click();
    const row = diff.locator(`tr[data-field="${FIELD}"]`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Added.*X.*Code de la défense/);
    await diff.getByLabel('From', { exact: true }).selectOption('date');
    await diff.getByLabel('From: date').fill('2000-01-01');
    await diff.getByRole('button', { name: 'Compare' }).click();
    await expect.poll(() => diff.locator('.diff-summary').textContent()).toMatch(/16 fields differ from January 1, 2000 to Current matrix|from January 1, 2000 to Current matrix/);
    expect(await diff.locator(`tr[data-field="${FIELD}"]`).textContent()).toMatch(/Added/);
    await diff.scrollIntoViewIfNeeded();
    await shot('37-matrix-diff');
    await expectAccessible();
  });

  it('the coverage page counts France, in ISO order, with the method', async () => {
    await page.getByRole('banner').getByRole('link', { name: 'Coverage' }).click();
    await page.waitForURL(/\/en\/coverage$/);
    await page.getByRole('heading', { level: 1, name: 'Coverage of the published matrices' }).waitFor();
    await expect.poll(() => page.locator('p.summary').textContent()).toMatch(/1 States with a published matrix/);
    expect(await page.locator('.method').textContent()).toContain('A field with measures is a field marked X');
    const fra = page.locator('table.coverage-states tr[data-state="FRA"]');
    await fra.waitFor();
    expect(Number(await fra.locator('td').first().textContent())).toBeGreaterThanOrEqual(2);
    await page.getByRole('img', { name: /Distribution of 1 States/ }).waitFor();
    await shot('38-coverage');
    await shotAt('38b-coverage-averages', page.locator('#averages-h'));
    await shotAt('38c-coverage-per-state', page.locator('#per-state-h'));
    await expectAccessible();
  });

  it('the State page sums up the published matrix and links to it', async () => {
    await page.goto(`${h.server.url}/en/states/${ISO3}`);
    const card = page.locator('.matrix-summary-card');
    await expect.poll(() => card.locator('.summary').textContent()).toMatch(/Fields with measures in the published matrix: \d+ of \d+/);
    await card.scrollIntoViewIfNeeded();
    await shot('39-state-matrix-summary');
    await expectAccessible();
    await card.getByRole('link', { name: 'Open the matrix' }).click();
    await page.waitForURL(/\/en\/states\/FRA\/matrix$/);
  });

  it('lays out right to left in Arabic and stays usable at phone width', async () => {
    await page.goto(matrixUrl('ar'));
    await cell(FIELD).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expectStatus('منشورة');
    await shot('40-matrix-ar');
    await expectAccessible();
    await openField(FIELD);
    await shot('40b-matrix-ar-field');
    await expectAccessible();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(matrixUrl('fr'));
    await cell(FIELD).waitFor();
    // The tables scroll inside their box; the page itself does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.locator('#section-op2').scrollIntoViewIfNeeded();
    await shot('41-matrix-phone-fr');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('no page broke the Content-Security-Policy', () => {
    expect(cspErrors).toEqual([]);
  });
});
