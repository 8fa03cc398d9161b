/**
 * The freshness report page: the kind filter (a GET form), the overdue items (most overdue first), the items due
 * within 30 days, the policies expiring within 60 days and the counts per kind. Each item links to its page; English
 * titles inside the Chinese page carry lang="en" (and Chinese titles inside the English page lang="zh-CN").
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { SelectField } from '../../../platform/views/forms.js';
import { CONTENT_KINDS, type ContentKind, type RevisionState } from '../../content/index.js';
import { staffTimeFormat } from '../../staff/index.js';
import type { FreshnessEntry, FreshnessReport } from '../freshness.js';
import { kindLabel, t } from '../messages.js';
import { tFreshness } from '../messages.freshness.js';

/** The title in the reader's language, and the other language's beside it when it differs. */
function Title({ lang, title }: { lang: Lang; title: { en: string; zh: string } }) {
  const other = lang === 'en' ? 'zh' : 'en';
  return (
    <>
      {title[lang]}
      {title.zh !== title.en && (
        <>
          {' '}
          <span lang={other === 'zh' ? 'zh-CN' : 'en'} class="freshness-other-lang">
            {title[other]}
          </span>
        </>
      )}
    </>
  );
}

const days = (lang: Lang, count: number) => tFreshness(lang, 'editorial.freshness.days', { count });

function Entries({ lang, entries, overdue, id }: { lang: Lang; entries: FreshnessEntry[]; overdue: boolean; id: string }) {
  const key = overdue ? 'overdue' : 'dueSoon';
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{tFreshness(lang, `editorial.freshness.${key}Title`)}</h2>
      {entries.length === 0 ? (
        <p>{tFreshness(lang, `editorial.freshness.${key}None`)}</p>
      ) : (
        <div class="table-wrap">
          <table class={`data-table freshness-${overdue ? 'overdue' : 'due-soon'}`}>
            <caption>{tFreshness(lang, `editorial.freshness.${key}Caption`)}</caption>
            <thead>
              <tr>
                <th scope="col">{tFreshness(lang, 'editorial.freshness.col.item')}</th>
                <th scope="col">{tFreshness(lang, 'editorial.freshness.col.kind')}</th>
                <th scope="col">{tFreshness(lang, 'editorial.freshness.col.lastVerified')}</th>
                <th scope="col">{tFreshness(lang, 'editorial.freshness.col.interval')}</th>
                <th scope="col">{tFreshness(lang, 'editorial.freshness.col.due')}</th>
                <th scope="col" class="num">{tFreshness(lang, overdue ? 'editorial.freshness.col.overdue' : 'editorial.freshness.col.daysLeft')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr data-kind={entry.kind} data-id={entry.id}>
                  <th scope="row">
                    <a href={urls.staffContentItem(lang, entry.kind, entry.id)}>
                      <Title lang={lang} title={entry.title} />
                    </a>
                  </th>
                  <td>{kindLabel(lang, entry.kind)}</td>
                  <td>
                    <time datetime={entry.lastVerified}>{entry.lastVerified}</time>
                  </td>
                  <td>{days(lang, entry.intervalDays)}</td>
                  <td>
                    <time datetime={entry.due}>{entry.due}</time>
                  </td>
                  <td class="num" data-days={entry.days}>
                    {days(lang, entry.days)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function FreshnessView({ lang, report }: { lang: Lang; report: FreshnessReport }) {
  const options = [
    { value: '', label: tFreshness(lang, 'editorial.freshness.allKinds') },
    ...(Object.keys(CONTENT_KINDS) as ContentKind[]).filter((k) => report.counts.some((c) => c.kind === k)).map((k) => ({ value: k, label: kindLabel(lang, k) })),
  ];
  return (
    <div class="editorial-freshness">
      <h1>{tFreshness(lang, 'editorial.freshness.title')}</h1>
      <p>{tFreshness(lang, 'editorial.freshness.intro', { today: report.today })}</p>
      <form method="get" action={urls.staffContentFreshness(lang)} class="freshness-filter">
        <SelectField name="kind" label={tFreshness(lang, 'editorial.freshness.filter')} options={options} selected={report.kind ?? ''} />
        <button type="submit" class="button button--secondary">
          {tFreshness(lang, 'editorial.freshness.apply')}
        </button>
      </form>
      <p>
        <a href={urls.staffContentFreshnessCsv(lang, report.kind ? { kind: report.kind } : undefined)} download>
          {tFreshness(lang, 'editorial.freshness.csv')}
        </a>
      </p>
      <Entries lang={lang} entries={report.overdue} overdue id="freshness-overdue" />
      <Entries lang={lang} entries={report.dueSoon} overdue={false} id="freshness-due-soon" />
      {(!report.kind || report.kind === 'policies') && (
        <section aria-labelledby="freshness-expiring">
          <h2 id="freshness-expiring">{tFreshness(lang, 'editorial.freshness.expiringTitle')}</h2>
          {report.expiring.length === 0 ? (
            <p>{tFreshness(lang, 'editorial.freshness.expiringNone')}</p>
          ) : (
            <div class="table-wrap">
              <table class="data-table freshness-expiring">
                <caption>{tFreshness(lang, 'editorial.freshness.expiringCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tFreshness(lang, 'editorial.freshness.col.item')}</th>
                    <th scope="col">{tFreshness(lang, 'editorial.freshness.col.expires')}</th>
                    <th scope="col" class="num">{tFreshness(lang, 'editorial.freshness.col.daysLeft')}</th>
                    <th scope="col">{tFreshness(lang, 'editorial.freshness.col.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.expiring.map((policy) => (
                    <tr data-id={policy.id}>
                      <th scope="row">
                        <a href={urls.staffContentItem(lang, 'policies', policy.id)}>
                          <Title lang={lang} title={policy.title} />
                        </a>
                      </th>
                      <td>
                        <time datetime={policy.expireAt.toISOString()}>{staffTimeFormat[lang].format(policy.expireAt)}</time>
                      </td>
                      <td class="num">{days(lang, policy.daysLeft)}</td>
                      <td>
                        <a href={urls.staffContentRevision(lang, policy.revisionId)}>{t(lang, `editorial.state.${policy.state as RevisionState}`)}</a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="freshness-counts">
        <h2 id="freshness-counts">{tFreshness(lang, 'editorial.freshness.countsTitle')}</h2>
        <div class="table-wrap">
          <table class="data-table freshness-counts">
            <caption>{tFreshness(lang, 'editorial.freshness.countsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tFreshness(lang, 'editorial.freshness.col.kind')}</th>
                <th scope="col">{tFreshness(lang, 'editorial.freshness.col.interval')}</th>
                <th scope="col" class="num">{tFreshness(lang, 'editorial.freshness.col.items')}</th>
                <th scope="col" class="num">{tFreshness(lang, 'editorial.freshness.col.overdue')}</th>
                <th scope="col" class="num">{tFreshness(lang, 'editorial.freshness.col.dueSoon')}</th>
              </tr>
            </thead>
            <tbody>
              {report.counts.map((c) => (
                <tr data-kind={c.kind}>
                  <th scope="row">
                    <a href={urls.staffContentFreshness(lang, { kind: c.kind })}>{kindLabel(lang, c.kind)}</a>
                  </th>
                  <td>{days(lang, c.intervalDays)}</td>
                  <td class="num">{c.items}</td>
                  <td class="num" data-overdue={c.overdue}>{c.overdue}</td>
                  <td class="num">{c.dueSoon}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
