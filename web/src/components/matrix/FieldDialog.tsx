import { useState } from 'react';
import type { CatalogueField, MatrixComment, MatrixFieldValue, MatrixInfo, OpenSourceField } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { useMatrixLabels } from '../../i18n/matrixLabels';
import { StatusMessage } from '../Form';
import { CommentForm, CommentList } from './Comments';
import { Dialog } from './Dialog';
import { EvidenceList } from './EvidenceList';
import { FieldEditor } from './FieldEditor';
import { FieldHistory } from './FieldHistory';
import { MarkBadge } from './MarkBadge';
import { OpenSourceFacts } from './OpenSourceFacts';

/** One field on demand: its mark, citations and remarks; the open-source layer; its history and comments; the editor. */
export function FieldDialog({ iso3, field, value, os, matrix, editable, comments, canComment, fields, onClose, onChanged, onCommentsChanged }: {
  iso3: string; field: CatalogueField; value: MatrixFieldValue | null; os: OpenSourceField | undefined; matrix: MatrixInfo | null;
  editable: boolean; comments: MatrixComment[] | null; canComment: boolean; fields: ReadonlyMap<string, CatalogueField>;
  onClose: () => void; onChanged: () => void; onCommentsChanged: () => void;
}) {
  const { t, dateTime } = useI18n();
  const m = useMatrixLabels();
  const [message, setMessage] = useState<string | null>(null);
  const mine = comments?.filter((c) => c.field === field.id) ?? null;
  return (
    <Dialog title={m.fieldName(field)} subtitle={<>{m.section(field.section)} › {m.table(field.table)}</>} onClose={onClose}>
      <section className="field-value" aria-label={t('field.entry')}>
        <h3>{t('field.entry')}</h3>
        {value && (value.mark || value.evidence.length || value.remarks) ? (
          <>
            <p><MarkBadge mark={value.mark} full /></p>
            <p className="small muted">
              {t(`provenance.${value.provenance}` as MessageKey)}
              {value.at ? <> · {t('field.changedAt', { time: dateTime(value.at) })}</> : null}
            </p>
            <h4>{t('field.evidence')}</h4>
            <EvidenceList evidence={value.evidence} />
            {value.remarks ? <><h4>{t('field.remarks')}</h4><p className="remarks" dir="auto">{value.remarks}</p></> : null}
          </>
        ) : <p><MarkBadge mark={null} full /></p>}
      </section>
      {os ? (
        <section className="open-source-value" aria-label={t('openSource.title')}>
          <h3>{t('openSource.title')}</h3>
          <p className="os-label">{t('openSource.label')}</p>
          <p><MarkBadge mark={os.mark} full /></p>
          {os.remarks ? <p className="remarks" lang="en" dir="auto">{os.remarks}</p> : null}
          <OpenSourceFacts facts={os.facts} />
          <EvidenceList evidence={os.evidence} />
        </section>
      ) : null}
      {message ? <StatusMessage>{message}</StatusMessage> : null}
      {editable ? (
        <FieldEditor key={`${field.id}:${value?.version ?? 0}`} iso3={iso3} field={field} value={value} fields={fields}
          onReload={() => { setMessage(null); onChanged(); }}
          onSaved={(r) => { setMessage(t(r.saved.length ? 'editor.saved' : 'editor.unchanged')); onChanged(); }} />
      ) : null}
      {matrix ? <FieldHistory key={`${matrix.number}:${value?.version ?? 0}`} iso3={iso3} number={matrix.number} field={field.id} /> : null}
      {mine ? (
        <section className="field-comments" aria-label={t('comments.title')}>
          <h3>{t('comments.title')}</h3>
          <CommentList comments={mine} fields={fields} />
          {canComment ? <CommentForm iso3={iso3} field={field.id} fields={fields} onPosted={onCommentsChanged} /> : null}
        </section>
      ) : null}
    </Dialog>
  );
}
