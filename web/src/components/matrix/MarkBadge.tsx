import { useMatrixLabels } from '../../i18n/matrixLabels';

/** A mark as text (X, ?, NA, or a dash for a blank field, read out as "no information"); `full` adds its meaning. */
export function MarkBadge({ mark, full = false }: { mark: string | null; full?: boolean }) {
  const m = useMatrixLabels();
  const badge = mark
    ? <span className="mark" data-mark={mark}>{mark}</span>
    : <span className="mark" data-mark="empty"><span aria-hidden="true">—</span><span className="visually-hidden">{m.markShort(null)}</span></span>;
  if (!full) return badge;
  if (!mark) return <span className="mark-full"><span className="mark" data-mark="empty" aria-hidden="true">—</span> <span>{m.markShort(null)}</span></span>;
  return <span className="mark-full">{badge} <span>{m.markMeaning(mark)}</span></span>;
}
