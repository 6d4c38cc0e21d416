import { mkdtempSync, readFileSync, rmSync, cpSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DATA_DIR } from '../ingest/referenceFiles.js';
import { main } from './main.js';

function capture() {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a) => { out.push(a.join(' ')); });
  vi.spyOn(console, 'error').mockImplementation((...a) => { out.push(a.join(' ')); });
  return out;
}

afterEach(() => vi.restoreAllMocks());

describe('open1540 command line', () => {
  it('prints usage, and help for each command', async () => {
    const out = capture();
    expect(await main(['--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/import unoda/);
    expect(await main(['data', 'check', '--help'])).toBe(0);
    expect(out.join('\n')).toMatch(/Exits 1 when any problem is found/);
    expect(await main(['frobnicate'])).toBe(2);
    expect(out.join('\n')).toMatch(/unknown command "frobnicate"/);
  });

  it('data check passes on the shipped data and fails, naming the row, on a broken copy', async () => {
    const out = capture();
    expect(await main(['data', 'check'])).toBe(0);
    expect(out.at(-1)).toMatch(/197 States, \d+ instruments, \d+ actions, \d+ sources, 1 matrix catalogue edition\(s\): no problems/);
    const dir = mkdtempSync(join(tmpdir(), 'open1540-check-'));
    try {
      cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
      writeFileSync(join(dir, 'treaties/actions/npt.csv'), 'state,action,date,depositary,effective,source,note\nXXX,ratification,2031-02-30,us,,nowhere,\n');
      expect(await main(['data', 'check', '--data-dir', dir])).toBe(1);
      const text = out.join('\n');
      expect(text).toMatch(/npt\.csv: line 2 \(XXX ratification 2031-02-30\): unknown State code "XXX"/);
      expect(text).toMatch(/is not a date/);
      expect(text).toMatch(/unknown source "nowhere"/);
      // The catalogue is checked too: a dangling cross-reference is named with its place.
      const ed = join(dir, 'matrix/editions/2026-reconstructed.json');
      writeFileSync(ed, readFileSync(ed, 'utf8').replace(/"refs": \["/, '"refs": ["no-such-reference", "'));
      out.length = 0;
      expect(await main(['data', 'check', '--data-dir', dir])).toBe(1);
      expect(out.join('\n')).toMatch(/2026-reconstructed\.json: .*"no-such-reference" is not declared in references/);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });

  it('prints the OpenAPI document', async () => {
    const out = capture();
    expect(await main(['openapi'])).toBe(0);
    expect(JSON.parse(out.join('\n')).openapi).toBe('3.1.0');
  });
});
