import { describe, expect, it } from 'vitest';
import { buildState } from '../../test/helpers/factories.js';
import { buildNameIndex, foldName, matchStateName } from './names.js';

const states = [
  buildState({ iso3: 'TUR', names: { ...buildState({ iso3: 'TUR' }).names, en: { short: 'Türkiye', formal: 'Republic of Türkiye' } }, aliases: ['Turkey'] }),
  buildState({ iso3: 'CIV', names: { ...buildState({ iso3: 'CIV' }).names, en: { short: "Côte d'Ivoire", formal: "Republic of Côte d'Ivoire" } } }),
  buildState({ iso3: 'PRK', names: { ...buildState({ iso3: 'PRK' }).names, en: { short: "Democratic People's Republic of Korea", formal: "Democratic People's Republic of Korea" } }, aliases: ['DPRK'] }),
];

describe('State name matching', () => {
  const index = buildNameIndex(states);
  it('matches variants, accents, HTML entities, curly apostrophes and articles', () => {
    expect(matchStateName(index, 'Turkey')).toBe('TUR');
    expect(matchStateName(index, 'TÜRKIYE')).toBe('TUR');
    expect(matchStateName(index, "Cote d'Ivoire")).toBe('CIV');
    expect(matchStateName(index, 'C&ocirc;te d’Ivoire')).toBe('CIV');
    expect(matchStateName(index, "Democratic People's Republic of Korea")).toBe('PRK');
    expect(matchStateName(index, 'the Republic of Türkiye')).toBe('TUR');
  });
  it('returns null for unknown names rather than guessing', () => {
    expect(matchStateName(index, 'Republic of Korea')).toBeNull();
    expect(matchStateName(index, 'Atlantis')).toBeNull();
  });
  it('folds names consistently', () => {
    expect(foldName('  Afghanistan (l’) ')).toBe('afghanistan');
  });
});
