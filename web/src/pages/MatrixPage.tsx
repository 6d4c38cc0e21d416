import { useMemo, useState } from 'react';
import { useApi, type CatalogueEdition, type CatalogueField, type MatrixComment, type State, type StateMatrix, type User } from '../api/client';
import { Async } from '../components/Async';
import { Link } from '../components/Link';
import { stateName } from '../components/names';
import { EDITABLE, mayComment, mayEdit, mayHold, mayWriteSubmissions, seesCycle } from '../components/matrix/access';
import { ApprovalClock } from '../components/matrix/ApprovalClock';
import { CommentForm, CommentList } from '../components/matrix/Comments';
import { AcceptOpenSource, CycleActions, StartDraft } from '../components/matrix/CycleActions';
import { FieldDialog } from '../components/matrix/FieldDialog';
import { layOut } from '../components/matrix/layout';
import { MarkLegend } from '../components/matrix/MarkLegend';
import { MatrixControls } from '../components/matrix/MatrixControls';
import { MatrixDiff } from '../components/matrix/MatrixDiff';
import { MatrixDownloads } from '../components/matrix/MatrixDownloads';
import { MatrixHeader } from '../components/matrix/MatrixHeader';
import { MatrixSections } from '../components/matrix/MatrixSections';
import { Submissions } from '../components/matrix/Submissions';
import { XlsxRoundTrip } from '../components/matrix/XlsxRoundTrip';
import { useI18n } from '../i18n/i18n';
import { useLocation, withQuery } from '../router';
import { useLoad, useSession } from '../session';

/** A State's 1540 matrix: the tables by section, the header, its place in the cycle, and the work on it for those who may. */
export function MatrixPage({ iso3 }: { iso3: string }) {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const edition = query.get('edition') ?? undefined;
  const asOf = query.get('date') ?? undefined;
  const state = useApi<State>(`/api/v1/states/${iso3}`);
  const [view, reload] = useLoad<StateMatrix>(withQuery(`/api/v1/states/${iso3}/matrix`, { edition, asOf }));
  const name = state.state === 'ready' ? stateName(state.data, lang) : iso3;
  return (
    <>
      <p className="crumbs"><Link href={`/${lang}/states`}>{t('nav.states')}</Link> › <Link href={`/${lang}/states/${iso3}`}>{name}</Link></p>
      <h1>{t('matrix.title', { state: name })}</h1>
      <p className="lead">{t('matrix.lead')}</p>
      <Async data={view}>
        {(v) => <MatrixBody iso3={iso3} view={v} reload={reload} query={{ edition, asOf }} gapsOnly={query.get('gaps') === '1'} />}
      </Async>
    </>
  );
}

function MatrixBody({ iso3, view, reload, query, gapsOnly }: {
  iso3: string; view: StateMatrix; reload: () => void; query: { edition?: string; asOf?: string }; gapsOnly: boolean;
}) {
  const { user } = useSession();
  const catalogue = useApi<CatalogueEdition>(`/api/v1/catalogue/${encodeURIComponent(view.edition)}`);
  const mx = view.matrix;
  const inCycle = !!mx && mx.status !== 'published';
  const cycleRole = seesCycle(user, iso3);
  const [comments, reloadComments] = useLoad<{ comments: MatrixComment[] }>(cycleRole && mx ? `/api/v1/states/${iso3}/matrix/comments?edition=${mx.number}` : null);
  return (
    <Async data={catalogue}>
      {(c) => (
        <Matrix iso3={iso3} view={view} reload={reload} query={query} gapsOnly={gapsOnly} user={user} catalogue={c}
          comments={cycleRole && mx && comments.state === 'ready' ? comments.data.comments : null} reloadComments={reloadComments}
          canComment={inCycle && !query.asOf && mayComment(user, iso3, mx!.status)} />
      )}
    </Async>
  );
}

function Matrix({ iso3, view, reload, query, gapsOnly, user, catalogue, comments, reloadComments, canComment }: {
  iso3: string; view: StateMatrix; reload: () => void; query: { edition?: string; asOf?: string }; gapsOnly: boolean; user: User | null;
  catalogue: CatalogueEdition; comments: MatrixComment[] | null; reloadComments: () => void; canComment: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const fields = useMemo(() => new Map(catalogue.fields.map((f): [string, CatalogueField] => [f.id, f])), [catalogue]);
  const sections = useMemo(() => layOut(catalogue.fields), [catalogue]);
  const values = useMemo(() => new Map(view.fields.map((f) => [f.id, f])), [view]);
  const openSource = useMemo(() => new Map(view.openSource.fields.map((f) => [f.id, f])), [view]);
  const mx = view.matrix;
  const editor = mayEdit(user);
  const live = !query.asOf;
  const hasOpen = view.matrices.some((m) => m.status !== 'published');
  const editable = editor && live && !!mx && EDITABLE.includes(mx.status);
  const inCycle = !!mx && mx.status !== 'published';
  const field = open ? fields.get(open) : undefined;
  const showClock = !!view.approval && !!mx && (mx.status === 'in-approval' || mx.status === 'approved');
  const showWork = live && ((editor && (inCycle || !hasOpen)) || showClock);

  return (
    <>
      <MatrixControls matrices={view.matrices} />
      <div className="table-head">
        <p className="matrix-summary">{mx ? t('matrix.showing', { number: mx.number }) : t(hasOpen ? 'matrix.noneVisible' : 'matrix.nonePublished')}</p>
        <MatrixDownloads iso3={iso3} query={query} />
      </div>
      <MatrixHeader view={view} />
      {showWork ? (
        <section className="work-panel" aria-labelledby="work-h">
          <h2 id="work-h">{t('work.title')}</h2>
          {editor && !hasOpen ? <StartDraft iso3={iso3} onDone={reload} /> : null}
          {editor && mx && inCycle ? <CycleActions iso3={iso3} matrix={mx} onDone={reload} /> : null}
          {showClock ? <ApprovalClock iso3={iso3} clock={view.approval!} user={user} canHold={mayHold(user) && mx!.status === 'in-approval'} onChange={reload} /> : null}
          {editable ? (
            <div className="work-tools">
              <AcceptOpenSource iso3={iso3} onDone={reload} />
              <XlsxRoundTrip iso3={iso3} fields={fields} onImported={reload} />
            </div>
          ) : null}
          {editor && mx && inCycle && !editable ? <p className="hint">{t('work.frozen')}</p> : null}
        </section>
      ) : null}
      <MarkLegend />
      <MatrixSections sections={sections} gapsOnly={gapsOnly} openSource={view.openSource}
        data={{ values, openSource, onOpen: setOpen }} />
      {comments ? (
        <section className="comments" aria-labelledby="comments-h">
          <h2 id="comments-h">{t('comments.title')}</h2>
          <CommentList comments={comments} fields={fields} onOpenField={setOpen} />
          {canComment ? <CommentForm iso3={iso3} fields={fields} onPosted={reloadComments} /> : null}
        </section>
      ) : null}
      <MatrixDiff iso3={iso3} matrices={view.matrices} fields={fields} />
      <Submissions iso3={iso3} canWrite={mayWriteSubmissions(user, iso3)} onChange={reload} />
      {field ? (
        <FieldDialog iso3={iso3} field={field} value={values.get(field.id) ?? null} os={openSource.get(field.id)} matrix={mx}
          editable={editable} comments={comments} canComment={canComment} fields={fields}
          onClose={() => setOpen(null)} onChanged={reload} onCommentsChanged={reloadComments} />
      ) : null}
    </>
  );
}
