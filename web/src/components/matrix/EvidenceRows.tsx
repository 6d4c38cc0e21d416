import { useId } from 'react';
import { EVIDENCE_KINDS, type Evidence, type EvidenceKind } from '../../api/client';
import { useI18n, type MessageKey } from '../../i18n/i18n';

export interface EvidenceDraft { kind: EvidenceKind; document: string; locator: string; url: string; language: string; excerpt: string }

export const EMPTY_EVIDENCE: EvidenceDraft = { kind: 'legislation', document: '', locator: '', url: '', language: '', excerpt: '' };
export const toEvidenceDraft = (e: Evidence): EvidenceDraft => ({
  kind: e.kind, document: e.document, locator: e.locator ?? '', url: e.url ?? '', language: e.language ?? '', excerpt: e.excerpt ?? '',
});
const opt = (s: string) => (s.trim() ? s.trim() : null);
export const toEvidence = (d: EvidenceDraft): Evidence => ({
  kind: d.kind, document: d.document.trim(), locator: opt(d.locator), url: opt(d.url), language: opt(d.language), excerpt: d.excerpt.trim() ? d.excerpt : null,
});

/** The citations of a field being edited: one group of inputs per citation, added and removed at will. */
export function EvidenceRows({ rows, onChange }: { rows: EvidenceDraft[]; onChange: (rows: EvidenceDraft[]) => void }) {
  const { t } = useI18n();
  const id = useId();
  const set = (i: number, patch: Partial<EvidenceDraft>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="evidence-rows">
      <legend>{t('evidence.title')}</legend>
      {rows.length === 0 ? <p className="hint">{t('evidence.noneYet')}</p> : null}
      {rows.map((r, i) => {
        const p = `${id}-${i}`;
        const n = i + 1;
        return (
          <div key={i} className="evidence-row" role="group" aria-label={t('evidence.number', { n })}>
            <p className="evidence-row-title">{t('evidence.number', { n })}</p>
            <div className="form-row">
              <div className="field">
                <label htmlFor={`${p}-kind`}>{t('evidence.kind')}</label>
                <select id={`${p}-kind`} value={r.kind} onChange={(e) => set(i, { kind: e.target.value as EvidenceKind })}>
                  {EVIDENCE_KINDS.map((k) => <option key={k} value={k}>{t(`evidenceKind.${k}` as MessageKey)}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor={`${p}-doc`}>{t('evidence.document')}</label>
                <input id={`${p}-doc`} type="text" required maxLength={500} value={r.document} onChange={(e) => set(i, { document: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${p}-loc`}>{t('evidence.locator')} <span className="muted small">{t('form.optional')}</span></label>
                <input id={`${p}-loc`} type="text" maxLength={200} value={r.locator} aria-describedby={`${p}-loc-h`} onChange={(e) => set(i, { locator: e.target.value })} />
                <p id={`${p}-loc-h`} className="hint">{t('evidence.locatorHint')}</p>
              </div>
              <div className="field">
                <label htmlFor={`${p}-url`}>{t('evidence.url')} <span className="muted small">{t('form.optional')}</span></label>
                <input id={`${p}-url`} type="url" dir="ltr" maxLength={2000} value={r.url} onChange={(e) => set(i, { url: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor={`${p}-lang`}>{t('evidence.language')} <span className="muted small">{t('form.optional')}</span></label>
                <input id={`${p}-lang`} type="text" dir="ltr" maxLength={35} value={r.language} aria-describedby={`${p}-lang-h`} onChange={(e) => set(i, { language: e.target.value })} />
                <p id={`${p}-lang-h`} className="hint">{t('evidence.languageHint')}</p>
              </div>
            </div>
            <div className="field">
              <label htmlFor={`${p}-ex`}>{t('evidence.excerpt')} <span className="muted small">{t('form.optional')}</span></label>
              <textarea id={`${p}-ex`} rows={2} maxLength={2000} value={r.excerpt} onChange={(e) => set(i, { excerpt: e.target.value })} />
            </div>
            <button type="button" className="button-secondary button-danger" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              {t('evidence.remove', { n })}
            </button>
          </div>
        );
      })}
      <button type="button" className="button-secondary" onClick={() => onChange([...rows, EMPTY_EVIDENCE])}>{t('evidence.add')}</button>
    </fieldset>
  );
}
