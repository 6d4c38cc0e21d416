import { describe, expect, it } from 'vitest';
import { canonicalJson, describeDiff, diffRecords, hashOf } from './recordDiff.js';

describe('record diff', () => {
  it('serialises objects independently of key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(hashOf({ a: 1, b: 2 })).toBe(hashOf({ b: 2, a: 1 }));
    expect(hashOf({ a: 1 })).not.toBe(hashOf({ a: 2 }));
  });
  it('finds added, updated and removed records', () => {
    const d = diffRecords([{ id: 'x', v: 1 }, { id: 'y', v: 1 }, { id: 'z', v: 1 }], [{ id: 'x', v: 1 }, { id: 'y', v: 2 }, { id: 'w', v: 1 }], (r) => r.id);
    expect(d.added).toEqual([{ id: 'w', v: 1 }]);
    expect(d.updated).toEqual([{ id: 'y', v: 2 }]);
    expect(d.removed).toEqual(['z']);
    expect(describeDiff(d)).toBe('1 added, 1 updated, 1 removed');
    expect(describeDiff({ added: [], updated: [], removed: [] })).toBe('');
  });
});
