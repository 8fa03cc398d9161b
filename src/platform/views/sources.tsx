/** Where a fact comes from: every page lists its sources, and every item card can show its own. */
import type { Lang } from '../i18n/i18n.js';
import { t } from '../i18n/i18n.js';
import { SOURCE_HEADINGS_ZH } from './source-headings.js';

export interface SourceRef {
  document: string;
  section: string;
  url?: string;
  /** A document that is not one of the seeds (an official list we hold): its title in both languages. */
  title?: { en: string; zh: string };
}

const DOCUMENT_TITLES: Record<string, { en: string; zh: string }> = {
  '000_b5e748836c3b3473.txt': {
    en: 'Invest Beijing — Beijing Foreign Investment Guide (2024–2025), Beijing Municipal Commerce Bureau and Beijing Investment Promotion Bureau',
    zh: '《投资北京·北京外商投资指南（2024—2025）》，北京市商务局、北京市投资促进局',
  },
  '001_96245e74ec1f0559.txt': {
    en: 'Several Measures of Beijing Municipality to Further Strengthen the Work of Stabilizing Foreign Investment (2021)',
    zh: '《北京市关于进一步做好稳外资工作的若干措施》（京商资发字〔2021〕14号）',
  },
  '002_e716eea7ff78fa04.txt': {
    en: 'Work Plan to Support Beijing in Deepening the National Comprehensive Demonstration Zone for Opening up the Services Sector (summary)',
    zh: '《支持北京深化国家服务业扩大开放综合示范区建设工作方案》（摘要）',
  },
  '003_bfb5a1247504e30b.txt': { en: 'News, 1 March 2025: over 140 breakthrough policies since the "Two Zones" launch', zh: '新闻（2025年3月1日）：“两区”建设以来落地140余项突破性政策' },
  '004_9c9a9b945e8f608f.txt': { en: 'News: the "Two Zones" exceeded the 2023 investment targets', zh: '新闻：“两区”超额完成2023年投资目标' },
};

export function documentTitle(document: string, lang: Lang): string {
  return DOCUMENT_TITLES[document]?.[lang] ?? document;
}

/** The title of a source's document in the reader's language. */
export function sourceTitle(source: SourceRef, lang: Lang): string {
  return source.title?.[lang] ?? documentTitle(source.document, lang);
}

/**
 * A source's heading path in the reader's language: on /zh pages each " > " part is given its Chinese heading
 * (a part with no entry stays as printed). The data keeps the path as printed in the document.
 */
export function sectionLabel(section: string, lang: Lang): string {
  if (lang === 'en') return section;
  return section
    .split(' > ')
    .map((part) => SOURCE_HEADINGS_ZH[part] ?? part)
    .join(' › ');
}

/** Deduplicated by document + section so a page citing many rows of one table lists the table once. */
export function uniqueSources(sources: readonly SourceRef[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const s of sources) {
    const key = `${s.document}|${s.section}|${s.url ?? ''}`;
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}

/** A source that is an official publication on the web, not one of the seed documents (content's OFFICIAL_LINK). */
const OFFICIAL_LINK = 'official-link';

/** "23 November 2026" / "2026年11月23日" for a YYYY-MM-DD date (a civil date: no time zone shift). */
export function civilDateText(date: string, lang: Lang): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function SourceList({ sources, lang, heading = true, verified }: { sources: readonly SourceRef[]; lang: Lang; heading?: boolean; verified?: string }) {
  const list = uniqueSources(sources);
  if (list.length === 0) return null;
  return (
    <section class="sources" aria-label={t(lang, 'sources.heading')}>
      {heading && <h2 class="sources__heading">{t(lang, 'sources.heading')}</h2>}
      <ul class="sources__list">
        {list.map((s) => (
          <li>
            {s.document === OFFICIAL_LINK ? (
              // An official publication: its title as printed (in the language it was published in).
              <cite>{s.section}</cite>
            ) : (
              <>
                <cite>{sourceTitle(s, lang)}</cite>
                <span class="sources__section" title={lang === 'zh' ? s.section : undefined}> — {sectionLabel(s.section, lang)}</span>
              </>
            )}
            {s.url && (
              <>
                {' · '}
                <a href={s.url} rel="noopener" class="sources__link">
                  {t(lang, 'sources.official')}
                </a>
              </>
            )}
          </li>
        ))}
      </ul>
      {verified && <p class="sources__verified">{t(lang, 'sources.verified', { date: civilDateText(verified, lang) })}</p>}
    </section>
  );
}

/** Shown next to Chinese text that we translated ourselves. */
export function UnofficialTranslation({ lang, status }: { lang: Lang; status: 'official' | 'unofficial' }) {
  if (lang !== 'zh' || status === 'official') return null;
  return (
    <p class="tag tag--unofficial">
      <span>{t(lang, 'translation.unofficial')}</span>
    </p>
  );
}

/**
 * "About this data": how an item was read from its source (a misprint, a contradiction, a repost date), kept apart
 * from the text that speaks to the investor and closed by default.
 */
export function DataNote({ note, lang }: { note?: { en: string; zh: string }; lang: Lang }) {
  if (!note) return null;
  return (
    <details class="data-note">
      <summary>{t(lang, 'dataNote.summary')}</summary>
      <p>{note[lang]}</p>
    </details>
  );
}
