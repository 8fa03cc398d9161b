/** Small building blocks shared by every page. They receive ready data and never fetch. */
import type { ComponentChildren } from 'preact';
import { numberFormat, t, type Lang } from '../i18n/i18n.js';
import { UnofficialTranslation } from './sources.js';

type Localised = { en: Record<string, unknown>; zh: Record<string, unknown>; zh_translation: 'official' | 'unofficial' };

/** The item's text block in the page's language. */
export function local<T extends Localised>(item: T, lang: Lang): T['en'] {
  return lang === 'zh' ? item.zh : item.en;
}

export function bi(value: { en: string; zh: string } | undefined, lang: Lang): string {
  return value ? value[lang] : '';
}

export function formatNumber(value: number, lang: Lang): string {
  return numberFormat[lang].format(value);
}

/** A calendar date (YYYY-MM-DD) in words: "1 December 2026" / "2026年12月1日". */
export function formatDay(date: string, lang: Lang): string {
  return dayFormat[lang].format(new Date(`${date}T00:00:00Z`));
}
const dayFormat = {
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }),
  zh: new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' }),
};

/** Shortens a description for a card, cutting at a word or clause boundary. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max).replace(/[\s,，、;；]+\S*$/, '')}…`;
}

export function PageHeader({ lang, title, lead, translation, kicker }: { lang: Lang; title: string; lead?: string; translation?: 'official' | 'unofficial'; kicker?: string }) {
  return (
    <header class="page-header">
      {kicker && <p class="page-header__kicker">{kicker}</p>}
      <h1>{title}</h1>
      {lead && <p class="lead">{lead}</p>}
      {translation && <UnofficialTranslation lang={lang} status={translation} />}
    </header>
  );
}

export interface CardProps {
  href: string;
  title: string;
  meta?: string;
  children?: ComponentChildren;
}

export function Card({ href, title, meta, children }: CardProps) {
  return (
    <li class="card">
      <h3 class="card__title">
        <a href={href}>{title}</a>
      </h3>
      {meta && <p class="card__meta">{meta}</p>}
      {children && <div class="card__body">{children}</div>}
    </li>
  );
}

export function CardGrid({ children, label }: { children: ComponentChildren; label?: string }) {
  return (
    <ul class="card-grid" aria-label={label}>
      {children}
    </ul>
  );
}

export function Bullets({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <ul class="bullets">
      {items.map((item) => (
        <li>{item}</li>
      ))}
    </ul>
  );
}

export function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  if (shown.length === 0) return null;
  return (
    <dl class="facts">
      {shown.map(([label, value]) => (
        <div class="facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function Section({ id, title, children }: { id?: string; title: string; children: ComponentChildren }) {
  return (
    <section class="section" id={id} aria-labelledby={id ? `${id}-h` : undefined}>
      <h2 id={id ? `${id}-h` : undefined}>{title}</h2>
      {children}
    </section>
  );
}

export function ExternalLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a href={href} rel="noopener" class="external">
      {children}
    </a>
  );
}

export function Pagination({ lang, page, pages, hrefFor }: { lang: Lang; page: number; pages: number; hrefFor: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav class="pagination" aria-label={t(lang, 'pagination.label')}>
      <ul>
        {page > 1 && (
          <li>
            <a href={hrefFor(page - 1)} rel="prev">
              {t(lang, 'pagination.previous')}
            </a>
          </li>
        )}
        <li>
          <span>{t(lang, 'pagination.status', { page, pages })}</span>
        </li>
        {page < pages && (
          <li>
            <a href={hrefFor(page + 1)} rel="next">
              {t(lang, 'pagination.next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** The site's emblem, name and tagline in the header: the public site and the staff area show the same brand. */
export function SiteBrand({ href, name, tagline }: { href: string; name: string; tagline: string }) {
  return (
    <a class="site-header__brand" href={href}>
      <span class="site-header__emblem" aria-hidden="true">
        京
      </span>
      <span>
        <span class="site-header__name">{name}</span>
        <span class="site-header__tagline">{tagline}</span>
      </span>
    </a>
  );
}
