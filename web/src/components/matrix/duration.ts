/** A duration in the reader's language: "2 days, 3 hours, 4 minutes" (seconds only under an hour). */
export function formatDuration(ms: number, lang: string): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts: Array<[number, 'day' | 'hour' | 'minute' | 'second']> = [
    [Math.floor(total / 86_400), 'day'], [Math.floor((total % 86_400) / 3600), 'hour'], [Math.floor((total % 3600) / 60), 'minute'],
  ];
  if (total < 3600) parts.push([total % 60, 'second']);
  const shown = parts.filter(([n]) => n > 0);
  const list = (shown.length ? shown : [[0, 'second'] as [number, 'second']])
    .map(([n, unit]) => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  return new Intl.ListFormat(lang, { style: 'narrow', type: 'unit' }).format(list);
}
