/** The order in which instruments are presented: the OP1 table's order, then zones, codes, IAEA, regimes. */
export const INSTRUMENT_ORDER = [
  'npt', 'bwc', 'cwc', 'ctbt', 'tpnw', 'geneva-protocol', 'ptbt',
  'cppnm', 'cppnm-a', 'icsant',
  'iaea-csa', 'iaea-ap',
  'tlatelolco', 'tlatelolco-p1', 'tlatelolco-p2',
  'rarotonga', 'rarotonga-p1', 'rarotonga-p2', 'rarotonga-p3',
  'bangkok', 'bangkok-protocol',
  'pelindaba', 'pelindaba-p1', 'pelindaba-p2', 'pelindaba-p3',
  'semipalatinsk', 'semipalatinsk-protocol',
  'hcoc', 'nsg', 'zangger', 'australia-group', 'mtcr', 'wassenaar',
];

/** Position of an instrument code in the presentation order (unknown codes last). */
export function instrumentPosition(code: string): number {
  const i = INSTRUMENT_ORDER.indexOf(code);
  return i === -1 ? INSTRUMENT_ORDER.length : i;
}
