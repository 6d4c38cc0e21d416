import { describe, expect, it } from 'vitest';
import { asOfMillis, checkEntry, diffValues, isEmptyValue, sameValue, valuesAsOf } from './matrixEntries.js';
import type { EntryRevision, EntryValue, Evidence } from './matrixTypes.js';

const report: Evidence = { kind: 'national-report', document: 'S/AC.44/2004/(02)/5', locator: 'p. 4', url: 'https://undocs.org/S/AC.44/2004/(02)/5' };
const law: Evidence = { kind: 'legislation', document: 'Atomic Energy Act 1954, s. 57', locator: null };

function value(over: Partial<EntryValue> = {}): EntryValue {
  return { mark: 'X', evidence: [report], remarks: null, provenance: 'draft', ...over };
}

function rev(field: string, version: number, at: string, over: Partial<EntryValue> = {}): EntryRevision {
  return { field, version, at, author: 1, reason: null, ...value(over) };
}

describe('checkEntry', () => {
  it('accepts a complete value and a blank one', () => {
    expect(checkEntry(value())).toEqual([]);
    expect(checkEntry(value({ mark: null, evidence: [] }))).toEqual([]);
    expect(checkEntry(value({ mark: 'NA', evidence: [] }))).toEqual([]);
  });

  it('refuses X or ? without evidence', () => {
    for (const mark of ['X', '?'] as const) {
      expect(checkEntry(value({ mark, evidence: [] }))).toEqual(['evidence: a mark of X or ? needs at least one citation']);
    }
  });

  it('refuses an unknown mark or provenance', () => {
    expect(checkEntry(value({ mark: 'Y' as never }))[0]).toMatch(/^mark: /);
    expect(checkEntry(value({ provenance: 'rumour' as never }))[0]).toMatch(/^provenance: /);
  });

  it('needs a known kind and a document for each citation, naming the citation at fault', () => {
    const errors = checkEntry(value({ evidence: [report, { kind: 'press' as never, document: '  ' }] }));
    expect(errors).toEqual([expect.stringMatching(/^evidence\[1\]\.kind: must be one of/), 'evidence[1].document: required']);
    expect(checkEntry(value({ evidence: [{ kind: 'legislation' } as Evidence] }))).toEqual(['evidence[0].document: required']);
  });

  it('accepts only http(s) URLs', () => {
    expect(checkEntry(value({ evidence: [{ ...report, url: 'ftp://example.org/x' }] }))).toEqual(['evidence[0].url: must be an http(s) URL']);
    expect(checkEntry(value({ evidence: [{ ...report, url: 'javascript:alert(1)' }] }))).toEqual(['evidence[0].url: must be an http(s) URL']);
    expect(checkEntry(value({ evidence: [{ ...report, url: 'not a url' }] }))).toEqual(['evidence[0].url: must be an http(s) URL']);
    expect(checkEntry(value({ evidence: [{ ...report, url: 'http://example.org/x' }] }))).toEqual([]);
    expect(checkEntry(value({ evidence: [{ ...report, url: null }] }))).toEqual([]);
  });

  it('caps the length of remarks, document, locator and excerpt', () => {
    expect(checkEntry(value({ remarks: 'a'.repeat(4000) }))).toEqual([]);
    expect(checkEntry(value({ remarks: 'a'.repeat(4001) }))).toEqual(['remarks: at most 4000 characters (has 4001)']);
    expect(checkEntry(value({ evidence: [{ ...report, document: 'd'.repeat(500) }] }))).toEqual([]);
    expect(checkEntry(value({ evidence: [{ ...report, document: 'd'.repeat(501) }] }))).toEqual(['evidence[0].document: at most 500 characters (has 501)']);
    expect(checkEntry(value({ evidence: [{ ...report, locator: 'l'.repeat(201) }] }))).toEqual(['evidence[0].locator: at most 200 characters (has 201)']);
    expect(checkEntry(value({ evidence: [{ ...report, excerpt: 'e'.repeat(2000) }] }))).toEqual([]);
    expect(checkEntry(value({ evidence: [{ ...report, excerpt: 'e'.repeat(2001) }] }))).toEqual(['evidence[0].excerpt: at most 2000 characters (has 2001)']);
  });

  it('allows at most 20 citations', () => {
    expect(checkEntry(value({ evidence: Array(20).fill(report) }))).toEqual([]);
    expect(checkEntry(value({ evidence: Array(21).fill(report) }))).toEqual(['evidence: at most 20 items (has 21)']);
  });

  it('checks the language tag', () => {
    expect(checkEntry(value({ evidence: [{ ...report, language: 'fr' }] }))).toEqual([]);
    expect(checkEntry(value({ evidence: [{ ...report, language: 'zh-Hans' }] }))).toEqual([]);
    expect(checkEntry(value({ evidence: [{ ...report, language: 'French!' }] }))).toEqual(['evidence[0].language: must be a BCP 47 language tag']);
  });
});

describe('sameValue', () => {
  it('treats null, undefined and empty optional text as equal', () => {
    const bare = value({ evidence: [{ kind: 'legislation', document: 'A' }] });
    expect(sameValue(bare, value({ evidence: [{ kind: 'legislation', document: 'A', locator: null, url: null }] }))).toBe(true);
    expect(sameValue(value({ remarks: null }), value({ remarks: '' }))).toBe(true);
  });

  it('sees a different mark, remarks, provenance or citation', () => {
    expect(sameValue(value(), value({ mark: '?' }))).toBe(false);
    expect(sameValue(value(), value({ remarks: 'see p. 5' }))).toBe(false);
    expect(sameValue(value(), value({ provenance: 'committee-approved' }))).toBe(false);
    expect(sameValue(value(), value({ evidence: [{ ...report, locator: 'p. 5' }] }))).toBe(false);
    expect(sameValue(value(), value({ evidence: [report, law] }))).toBe(false);
  });

  it('compares evidence in order', () => {
    expect(sameValue(value({ evidence: [report, law] }), value({ evidence: [report, law] }))).toBe(true);
    expect(sameValue(value({ evidence: [report, law] }), value({ evidence: [law, report] }))).toBe(false);
  });
});

describe('valuesAsOf', () => {
  const revisions = [
    rev('op2.nw.manufacture.legal', 2, '2011-06-01T10:00:00Z', { mark: '?' }),
    rev('op2.nw.manufacture.legal', 1, '2008-03-01T09:00:00Z', { mark: 'X' }),
    rev('op2.nw.manufacture.legal', 3, '2011-06-02T00:00:00Z', { mark: 'X', evidence: [report, law] }),
    rev('op2.cw.manufacture.legal', 1, '2011-06-01T23:59:59Z', { mark: 'NA', evidence: [] }),
  ];

  it('takes the latest revision of each field at or before the moment, whatever the input order', () => {
    const at2008 = valuesAsOf(revisions, '2010-01-01T00:00:00Z');
    expect([...at2008.keys()]).toEqual(['op2.nw.manufacture.legal']);
    expect(at2008.get('op2.nw.manufacture.legal')?.version).toBe(1);
    expect(valuesAsOf(revisions, '2011-06-01T10:00:00Z').get('op2.nw.manufacture.legal')?.version).toBe(2);
    expect(valuesAsOf(revisions, '2011-06-01T09:59:59.999Z').get('op2.nw.manufacture.legal')?.version).toBe(1);
    expect(valuesAsOf([...revisions].reverse(), '2030-01-01T00:00:00Z').get('op2.nw.manufacture.legal')?.version).toBe(3);
  });

  it('reads a bare date as the end of that day in UTC', () => {
    const day = valuesAsOf(revisions, '2011-06-01');
    expect(day.get('op2.nw.manufacture.legal')?.version).toBe(2);
    expect(day.get('op2.cw.manufacture.legal')?.mark).toBe('NA');
    expect(asOfMillis('2011-06-01')).toBe(Date.parse('2011-06-01T23:59:59.999Z'));
    expect(valuesAsOf(revisions, '2008-02-29').size).toBe(0);
  });

  it('breaks a tie in time by version', () => {
    const tied = [rev('f', 5, '2020-01-01T00:00:00Z', { remarks: 'five' }), rev('f', 4, '2020-01-01T00:00:00Z', { remarks: 'four' })];
    expect(valuesAsOf(tied, '2020-01-01').get('f')?.remarks).toBe('five');
    expect(valuesAsOf([...tied].reverse(), '2020-01-01').get('f')?.remarks).toBe('five');
  });

  it('refuses a moment that is not a date', () => {
    expect(() => valuesAsOf(revisions, 'yesterday')).toThrow(RangeError);
  });
});

describe('diffValues', () => {
  const blank = value({ mark: null, evidence: [], remarks: null });

  it('counts a blank value as absent', () => {
    expect(isEmptyValue(blank)).toBe(true);
    expect(isEmptyValue(value({ mark: null, evidence: [], remarks: 'no information' }))).toBe(false);
    expect(diffValues(new Map([['a', blank]]), new Map())).toEqual([]);
    const added = diffValues(new Map([['a', blank]]), new Map([['a', value()]]));
    expect(added).toEqual([
      expect.objectContaining({ field: 'a', change: 'added', from: null, markChanged: true, evidenceAdded: [report], evidenceRemoved: [] }),
    ]);
  });

  it('reports added, removed and changed fields', () => {
    const from = new Map([['a', value()], ['b', value()], ['c', value()]]);
    const to = new Map([['a', value()], ['b', value({ mark: '?' })], ['d', value()]]);
    const changes = diffValues(from, to);
    expect(changes.map((c) => [c.field, c.change])).toEqual([['b', 'changed'], ['c', 'removed'], ['d', 'added']]);
    const removed = changes.find((c) => c.field === 'c')!;
    expect(removed).toMatchObject({ to: null, markChanged: true, evidenceRemoved: [report], evidenceAdded: [] });
    expect(changes.find((c) => c.field === 'b')).toMatchObject({ markChanged: true, evidenceAdded: [], evidenceRemoved: [], remarksChanged: false });
  });

  it('spells out the citations added and removed, and changed remarks', () => {
    const edited = { ...report, locator: 'p. 7' };
    const [c] = diffValues(new Map([['a', value({ evidence: [report, law] })]]), new Map([['a', value({ evidence: [law, edited], remarks: 'Amended 2010' })]]));
    expect(c).toMatchObject({ change: 'changed', markChanged: false, evidenceAdded: [edited], evidenceRemoved: [report] });
    expect(c).toMatchObject({ remarksChanged: true, provenanceChanged: false });
  });

  it('matches repeated citations one for one', () => {
    const [c] = diffValues(new Map([['a', value({ evidence: [law, law] })]]), new Map([['a', value({ evidence: [law] })]]));
    expect(c).toMatchObject({ evidenceRemoved: [law], evidenceAdded: [] });
  });

  it('reports a change of provenance alone', () => {
    const [c] = diffValues(new Map([['a', value()]]), new Map([['a', value({ provenance: 'committee-approved' })]]));
    expect(c).toMatchObject({ change: 'changed', markChanged: false, remarksChanged: false, provenanceChanged: true });
  });

  it('follows the catalogue order when given, fields outside it last', () => {
    const to = new Map([['z', value()], ['a', value()], ['m', value()], ['q', value()]]);
    expect(diffValues(new Map(), to, ['m', 'z', 'a']).map((c) => c.field)).toEqual(['m', 'z', 'a', 'q']);
    expect(diffValues(new Map(), to).map((c) => c.field)).toEqual(['a', 'm', 'q', 'z']);
  });
});
