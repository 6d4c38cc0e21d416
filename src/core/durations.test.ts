import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './durations.js';

describe('durations', () => {
  it('reads a number and a unit', () => {
    expect(parseDuration('5d')).toBe(5 * 86_400_000);
    expect(parseDuration(' 36h ')).toBe(36 * 3_600_000);
    expect(parseDuration('1.5s')).toBe(1500);
  });
  it('refuses what is not a positive duration', () => {
    for (const bad of ['', '5', 'd', '-1d', '0s', '5 weeks', '5w']) expect(parseDuration(bad)).toBeNull();
  });
  it('writes the largest whole unit', () => {
    expect(formatDuration(5 * 86_400_000)).toBe('5 days');
    expect(formatDuration(3_600_000)).toBe('1 hour');
    expect(formatDuration(90_000)).toBe('90 seconds');
  });
});
