/**
 * The editors' browsing pages: the content home (every kind with its count and the revisions waiting), a kind's items
 * (search, translation status, last verified, open revision, paging) and an item's overview (the live content read as
 * a person reads it, en | zh side by side, sources, history, and for editors: edit, schedule expiry, verified today).
 */
import { staffDb } from '../../../platform/auth/index.js';
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { CONTENT_KINDS, revisionsOfItem, type ContentKind, type Revision } from '../../content/index.js';
import { keyLabel } from '../field-labels.js';
import { tForms } from '../messages.fields.js';
import { kindLabel, t } from '../messages.js';
import type { EditorialContext } from '../revision-workflow.js';
import { openRevisionOf } from '../revision-workflow.js';
import { kindSlot, type FormNode } from '../schema-form/model.js';

type Item = Record<string, unknown> & { id: string };
export type TranslationStatus = 'official' | 'unofficial' | 'missing';

/** Missing when any Chinese text of the item is blank; otherwise what the item says (official or unofficial). */
export function translationStatus(data: Record<string, unknown> | null | undefined): TranslationStatus | null {
  if (!data) return null;
  let blank = false;
  const walk = (value: unknown, inZh: boolean) => {
    if (typeof value === 'string') {
      if (inZh && value.trim() === '') blank = true;
    } else if (Array.isArray(value)) value.forEach((v) => walk(v, inZh));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, inZh || k === 'zh');
  };
  walk(data, false);
  if (blank) return 'missing';
  return data.zh_translation === 'official' || data.zh_translation === 'unofficial' ? data.zh_translation : null;
}

/** The item's title in a language: its title, name, term, label, question or text, or its id. */
export function titleOf(item: Record<string, unknown>, lang: Lang): string {
  const block = item[lang] as Record<string, unknown> | undefined;
  for (const key of ['title', 'name', 'term', 'label', 'question', 'benefit', 'text']) if (block && typeof block[key] === 'string') return block[key] as string;
  if (block && Array.isArray(block.terms)) return (block.terms as string[]).join(', ');
  return String(item.id ?? '');
}

const OPEN = ['draft', 'in_review', 'scheduled'] as const;

// ---------------------------------------------------------------------------------------------------------------

export interface HomeModel {
  kinds: { kind: ContentKind; count: number; draft: number; in_review: number; scheduled: number; conflict: number }[];
}

export async function loadHome(ctx: EditorialContext): Promise<HomeModel> {
  const rows = await ctx.db.selectFrom('content_revisions').select(['kind', 'state']).select((eb) => eb.fn.countAll<string>().as('n')).where('state', 'in', [...OPEN, 'conflict']).groupBy(['kind', 'state']).execute();
  const count = (kind: string, state: string) => Number(rows.find((r) => r.kind === kind && r.state === state)?.n ?? 0);
  return {
    kinds: (Object.keys(CONTENT_KINDS) as ContentKind[]).map((kind) => ({
      kind, count: ctx.content.store.all(kind).length, draft: count(kind, 'draft'), in_review: count(kind, 'in_review'), scheduled: count(kind, 'scheduled'), conflict: count(kind, 'conflict'),
    })),
  };
}

export function ContentHomeView({ lang, model }: { lang: Lang; model: HomeModel }) {
  const cell = (n: number) => (n > 0 ? <a href={urls.staffContentReview(lang)}>{n}</a> : '0');
  return (
    <div class="editorial-home">
      <h1>{tForms(lang, 'editorial.pages.homeTitle')}</h1>
      <p>{tForms(lang, 'editorial.pages.homeIntro')}</p>
      <ul class="editorial-links">
        <li><a href={urls.staffContentReview(lang)}>{t(lang, 'editorial.nav.review')}</a></li>
        <li><a href={urls.staffContentFreshness(lang)}>{t(lang, 'editorial.nav.freshness')}</a></li>
        <li><a href={urls.staffContentTestProfiles(lang)}>{t(lang, 'editorial.nav.test_profiles')}</a></li>
      </ul>
      <table class="data-table editorial-kinds">
        <thead>
          <tr>
            <th scope="col">{tForms(lang, 'editorial.pages.kind')}</th>
            <th scope="col">{tForms(lang, 'editorial.pages.items')}</th>
            <th scope="col">{tForms(lang, 'editorial.pages.drafts')}</th>
            <th scope="col">{tForms(lang, 'editorial.pages.inReview')}</th>
            <th scope="col">{tForms(lang, 'editorial.pages.scheduled')}</th>
            <th scope="col">{tForms(lang, 'editorial.pages.conflicts')}</th>
          </tr>
        </thead>
        <tbody>
          {model.kinds.map((k) => (
            <tr>
              <th scope="row"><a href={urls.staffContentKind(lang, k.kind)}>{kindLabel(lang, k.kind)}</a></th>
              <td>{k.count}</td>
              <td>{cell(k.draft)}</td>
              <td>{cell(k.in_review)}</td>
              <td>{cell(k.scheduled)}</td>
              <td>{cell(k.conflict)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------

const PAGE_SIZE = 50;

export interface KindListModel {
  kind: ContentKind;
  q: string;
  page: number;
  pages: number;
  total: number;
  rows: { id: string; en: string; zh: string; status: TranslationStatus | null; lastVerified: string | null; open: { id: string; state: string } | null }[];
}

export async function loadKindList(ctx: EditorialContext, kind: ContentKind, q: string, page: number): Promise<KindListModel> {
  const open = await ctx.db.selectFrom('content_revisions').select(['id', 'item_id', 'state', 'data']).where('kind', '=', kind).where('state', 'in', [...OPEN]).orderBy('id', 'desc').execute();
  const openOf = new Map<string, { id: string; state: string; data: unknown }>();
  for (const r of open) if (!openOf.has(r.item_id)) openOf.set(r.item_id, { id: String(r.id), state: r.state, data: r.data });
  const live = ctx.content.store.all(kind) as unknown as Item[];
  const items: Item[] = [...live];
  // New items (not yet live) with an open draft are listed too.
  for (const [itemId, r] of openOf) if (!live.some((i) => i.id === itemId) && r.data && typeof r.data === 'object') items.push({ ...(r.data as Record<string, unknown>), id: itemId });
  const needle = q.toLowerCase();
  const matching = items
    .filter((i) => needle === '' || i.id.toLowerCase().includes(needle) || titleOf(i, 'en').toLowerCase().includes(needle) || titleOf(i, 'zh').includes(q))
    .sort((a, b) => a.id.localeCompare(b.id));
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  return {
    kind, q, page: current, pages, total: matching.length,
    rows: matching.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE).map((i) => {
      const o = openOf.get(i.id);
      return { id: i.id, en: titleOf(i, 'en'), zh: titleOf(i, 'zh'), status: translationStatus(i), lastVerified: typeof i.last_verified === 'string' ? i.last_verified : null, open: o ? { id: o.id, state: o.state } : null };
    }),
  };
}

function StatusText({ lang, status }: { lang: Lang; status: TranslationStatus | null }) {
  if (!status) return <>—</>;
  return <span class={`translation-status translation-status--${status}`}>{t(lang, `editorial.translation.${status}`)}</span>;
}

export function KindListView({ lang, model, editor }: { lang: Lang; model: KindListModel; editor: boolean }) {
  const stateWord = (state: string) => t(lang, `editorial.state.${state as 'draft'}`);
  return (
    <div class="editorial-kind">
      <p class="case-back"><a href={urls.staffContent(lang)}>{t(lang, 'editorial.nav.home')}</a></p>
      <h1>{kindLabel(lang, model.kind)}</h1>
      <ul class="editorial-links">
        {editor && <li><a href={urls.staffContentNew(lang, model.kind)}>{tForms(lang, 'editorial.pages.newItem')}</a></li>}
        <li><a href={urls.staffContentExport(lang, model.kind, 'json')}>{tForms(lang, 'editorial.pages.exportJson')}</a></li>
        <li><a href={urls.staffContentExport(lang, model.kind, 'csv')}>{tForms(lang, 'editorial.pages.exportCsv')}</a></li>
        {editor && <li><a href={urls.staffContentImport(lang, model.kind)}>{tForms(lang, 'editorial.pages.import')}</a></li>}
      </ul>
      <form method="get" action={urls.staffContentKind(lang, model.kind)} class="staff-form editorial-search" role="search">
        <div class="field">
          <label for="q">{tForms(lang, 'editorial.pages.search')}</label>
          <input type="search" id="q" name="q" value={model.q} maxlength={100} />
        </div>
        <button type="submit" class="button">{tForms(lang, 'editorial.pages.searchButton')}</button>
      </form>
      <p>{tForms(lang, 'editorial.pages.count', { shown: model.rows.length, total: model.total })}</p>
      {model.rows.length === 0 ? (
        <p>{tForms(lang, 'editorial.pages.noItems')}</p>
      ) : (
        <table class="data-table editorial-items">
          <thead>
            <tr>
              <th scope="col">{tForms(lang, 'editorial.pages.id')}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.titleEn')}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.titleZh')}</th>
              <th scope="col">{tForms(lang, 'editorial.forms.translation')}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.lastVerified')}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.openRevision')}</th>
            </tr>
          </thead>
          <tbody>
            {model.rows.map((row) => (
              <tr>
                <th scope="row"><a href={urls.staffContentItem(lang, model.kind, row.id)}>{row.id}</a></th>
                <td lang="en">{row.en}</td>
                <td lang="zh">{row.zh}</td>
                <td><StatusText lang={lang} status={row.status} /></td>
                <td>{row.lastVerified ?? '—'}</td>
                <td>{row.open ? <a href={urls.staffContentRevision(lang, row.open.id)}>{stateWord(row.open.state)}</a> : tForms(lang, 'editorial.pages.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {model.pages > 1 && (
        <nav class="pagination" aria-label={tForms(lang, 'editorial.pages.page', { page: model.page, pages: model.pages })}>
          <p>{tForms(lang, 'editorial.pages.page', { page: model.page, pages: model.pages })}</p>
          {model.page > 1 && <a href={urls.staffContentKind(lang, model.kind, { q: model.q || undefined, page: model.page - 1 })}>{tForms(lang, 'editorial.pages.previous')}</a>}{' '}
          {model.page < model.pages && <a href={urls.staffContentKind(lang, model.kind, { q: model.q || undefined, page: model.page + 1 })}>{tForms(lang, 'editorial.pages.next')}</a>}
        </nav>
      )}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------------

export interface ItemModel {
  kind: ContentKind;
  id: string;
  live: Item | null;
  open: Revision | null;
  history: (Revision & { by: string | null })[];
}

export async function loadItem(ctx: EditorialContext, kind: ContentKind, id: string): Promise<ItemModel | null> {
  // Read from the database, not the process's read model: right after a publication or a verification the page shows
  // it, whatever the content poll has reached.
  const row = await ctx.db.selectFrom('content_items').select('data').where('kind', '=', kind).where('id', '=', id).executeTakeFirst();
  const live = (row?.data as Item | undefined) ?? null;
  const revisions = await revisionsOfItem(ctx.db, kind, id);
  if (!live && revisions.length === 0) return null;
  const ids = [...new Set(revisions.map((r) => r.createdBy).filter((x): x is string => x !== null))];
  const names = ids.length ? await staffDb(ctx.db).selectFrom('staff_users').select(['id', 'name']).where('id', 'in', ids).execute() : [];
  return {
    kind, id, live, open: await openRevisionOf(ctx.db, kind, id),
    history: revisions.map((r) => ({ ...r, by: names.find((n) => n.id === r.createdBy)?.name ?? null })),
  };
}

const whenFormat = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }),
};

/** A value read as a person reads it: text, lists, nested fields with their labels. */
function ReadValue({ lang, kind, node, value, textLang }: { lang: Lang; kind: ContentKind; node: FormNode; value: unknown; textLang?: 'en' | 'zh' }) {
  if (value === undefined || value === null || value === '') return <>—</>;
  if (node.t === 'array' && Array.isArray(value)) {
    return (
      <ul class="editorial-read__list">
        {value.map((v) => (
          <li><ReadValue lang={lang} kind={kind} node={node.element.node} value={v} textLang={textLang} /></li>
        ))}
      </ul>
    );
  }
  if ((node.t === 'object' || node.t === 'table') && typeof value === 'object') {
    const fields = node.t === 'object' ? node.fields : node.node.fields;
    return <ReadFields lang={lang} kind={kind} fields={fields} value={value as Record<string, unknown>} textLang={textLang} />;
  }
  if (typeof value === 'object') return <code class="editorial-read__json">{JSON.stringify(value)}</code>;
  if (typeof value === 'boolean') return <>{tForms(lang, value ? 'editorial.forms.yes' : 'editorial.forms.no')}</>;
  return <span lang={textLang}>{String(value)}</span>;
}

function ReadFields({ lang, kind, fields, value, textLang }: { lang: Lang; kind: ContentKind; fields: readonly { key: string; node: FormNode }[]; value: Record<string, unknown>; textLang?: 'en' | 'zh' }) {
  const en = fields.find((f) => f.key === 'en');
  const zh = fields.find((f) => f.key === 'zh');
  return (
    <dl class="facts editorial-read">
      {fields.map((field) => {
        if (value[field.key] === undefined || field.key === 'zh') return null;
        if (field.key === 'en' && en && zh) {
          return (
            <div class="facts__row editorial-read__pair">
              <div lang="en"><dt>English</dt><dd><ReadValue lang={lang} kind={kind} node={en.node} value={value.en} textLang="en" /></dd></div>
              <div lang="zh"><dt>中文</dt><dd><ReadValue lang={lang} kind={kind} node={zh.node} value={value.zh} textLang="zh" /></dd></div>
            </div>
          );
        }
        return (
          <div class="facts__row">
            <dt>{keyLabel(lang, kind, field.key)}</dt>
            <dd><ReadValue lang={lang} kind={kind} node={field.node} value={value[field.key]} textLang={textLang} /></dd>
          </div>
        );
      })}
    </dl>
  );
}

export function ItemView({ lang, model, editor, csrf, notice }: { lang: Lang; model: ItemModel; editor: boolean; csrf: string; notice?: string }) {
  const { kind, id, live, open } = model;
  const slot = kindSlot(kind);
  const stateWord = (state: string) => t(lang, `editorial.state.${state as 'draft'}`);
  const sources = live && Array.isArray(live.sources) ? (live.sources as { document: string; section?: string; title?: string; url?: string }[]) : [];
  return (
    <div class="editorial-item">
      <p class="case-back"><a href={urls.staffContentKind(lang, kind)}>{kindLabel(lang, kind)}</a></p>
      <h1>{live ? titleOf(live, lang) : id}</h1>
      {notice && <p class="notice" role="status">{notice}</p>}
      <dl class="facts">
        <div class="facts__row"><dt>{tForms(lang, 'editorial.pages.id')}</dt><dd>{id}</dd></div>
        <div class="facts__row"><dt>{tForms(lang, 'editorial.pages.translationStatus')}</dt><dd><StatusText lang={lang} status={translationStatus(live)} /></dd></div>
        <div class="facts__row"><dt>{tForms(lang, 'editorial.pages.lastVerified')}</dt><dd>{typeof live?.last_verified === 'string' ? live.last_verified : '—'}</dd></div>
        <div class="facts__row">
          <dt>{tForms(lang, 'editorial.pages.openRevision')}</dt>
          <dd>{open ? <a href={urls.staffContentRevision(lang, open.id)}>{`${tForms(lang, 'editorial.pages.revision', { id: open.id })} · ${stateWord(open.state)}`}</a> : tForms(lang, 'editorial.pages.none')}</dd>
        </div>
      </dl>
      {editor && (
        <div class="editorial-actions">
          {kind === 'rules' || !open || open.state === 'draft' ? (
            <p><a class="button" href={open && open.state === 'draft' && kind !== 'rules' ? urls.staffContentRevisionEdit(lang, open.id) : urls.staffContentEdit(lang, kind, id)}>{open && open.state === 'draft' ? tForms(lang, 'editorial.pages.continueDraft') : tForms(lang, 'editorial.pages.edit')}</a></p>
          ) : null}
          {live && (
            <>
              <form method="post" action={urls.staffContentVerify(lang, kind, id)} class="staff-form">
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="button button--secondary">{tForms(lang, 'editorial.pages.verify')}</button>
              </form>
              <form method="post" action={urls.staffContentExpiry(lang, kind, id)} class="staff-form editorial-expiry">
                <input type="hidden" name="_csrf" value={csrf} />
                <fieldset class="sf-group">
                  <legend>{tForms(lang, 'editorial.pages.expiry')}</legend>
                  <div class="field">
                    <label for="expire_at">{tForms(lang, 'editorial.pages.expireAt')}</label>
                    <input type="datetime-local" id="expire_at" name="expire_at" required />
                  </div>
                  <div class="field">
                    <label for="expire-note">{tForms(lang, 'editorial.pages.expiryNote')}</label>
                    <input type="text" id="expire-note" name="note" maxlength={500} />
                  </div>
                  <button type="submit" class="button button--secondary">{tForms(lang, 'editorial.pages.expiry')}</button>
                </fieldset>
              </form>
            </>
          )}
        </div>
      )}
      <h2>{tForms(lang, 'editorial.pages.live')}</h2>
      {live ? (
        <>
          {sources.length > 0 && (
            <>
              <h3>{tForms(lang, 'editorial.pages.sources')}</h3>
              <ul>
                {sources.map((s) => (
                  <li>{s.url ? <a href={s.url} rel="noopener noreferrer">{s.section ?? s.title ?? s.url}</a> : `${s.document} · ${s.section ?? s.title ?? ''}`}</li>
                ))}
              </ul>
            </>
          )}
          <ReadValue lang={lang} kind={kind} node={slot.node.t === 'variants' ? (slot.node.options.find((o) => o.value === live[slot.node.t === 'variants' ? slot.node.discriminator : ''])?.node ?? slot.node.options[0].node) : slot.node} value={live} />
        </>
      ) : (
        <p>{tForms(lang, 'editorial.pages.withdrawn')}</p>
      )}
      <h2>{tForms(lang, 'editorial.pages.history')}</h2>
      {model.history.length === 0 ? (
        <p>{tForms(lang, 'editorial.pages.noHistory')}</p>
      ) : (
        <table class="data-table editorial-history">
          <thead>
            <tr>
              <th scope="col">{tForms(lang, 'editorial.pages.revision', { id: '' }).trim()}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.state')}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.origin')}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.by')}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.when')}</th>
              <th scope="col">{tForms(lang, 'editorial.pages.note')}</th>
            </tr>
          </thead>
          <tbody>
            {model.history.map((r) => (
              <tr>
                <th scope="row"><a href={urls.staffContentRevision(lang, r.id)}>{tForms(lang, 'editorial.pages.revision', { id: r.id })}</a></th>
                <td>{stateWord(r.state)}{r.data === null ? ` · ${t(lang, 'editorial.withdrawal')}` : ''}</td>
                <td>{t(lang, `editorial.origin.${r.origin}`)}</td>
                <td>{r.by ?? tForms(lang, 'editorial.pages.system')}</td>
                <td>{whenFormat[lang].format(r.updatedAt)}</td>
                <td>{r.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export function LockedView({ lang, kind, itemId, revisionId }: { lang: Lang; kind: ContentKind; itemId: string; revisionId: string }) {
  return (
    <div>
      <p class="case-back"><a href={urls.staffContentItem(lang, kind, itemId)}>{tForms(lang, 'editorial.forms.back')}</a></p>
      <h1>{`${kindLabel(lang, kind)}: ${itemId}`}</h1>
      <p>{tForms(lang, 'editorial.forms.locked')}</p>
      <p><a href={urls.staffContentRevision(lang, revisionId)}>{tForms(lang, 'editorial.forms.openRevision')}</a></p>
    </div>
  );
}

export function RulesElsewhereView({ lang, itemId }: { lang: Lang; itemId: string | null }) {
  return (
    <div>
      <h1>{kindLabel(lang, 'rules')}</h1>
      <p>{tForms(lang, 'editorial.forms.rulesElsewhere')}</p>
      <p><a href={itemId ? urls.staffContentEdit(lang, 'rules', itemId) : urls.staffContentNew(lang, 'rules')}>{tForms(lang, 'editorial.forms.ruleEditor')}</a></p>
    </div>
  );
}
