/** The page frame: skip link, header with navigation and language switch, main, footer. No inline script or style. */
import type { ComponentChildren } from 'preact';
import { htmlLang, otherLang, t, type KeyOf, type Lang } from '../i18n/i18n.js';
import { switchLangPath, urls } from '../http/urls.js';
import { SourceList, type SourceRef } from './sources.js';
import { SiteBrand } from './components.js';

export interface Crumb {
  label: string;
  href?: string;
}

export interface PageFrame {
  lang: Lang;
  /** Path of this page including query, used for the language switch and hreflang. */
  path: string;
  baseUrl: string;
  title: string;
  description?: string;
  crumbs?: Crumb[];
  sources?: readonly SourceRef[];
  /** When the page's item was last checked against its sources (YYYY-MM-DD). */
  verified?: string;
  /** Key of the navigation entry to mark as current. */
  section?: string;
  children: ComponentChildren;
}

/** The investor tools come first: they answer the investor's own questions; the guide's sections follow. */
const TOOLS: { key: KeyOf<typeof t>; href: (lang: Lang) => string }[] = [
  { key: 'nav.tool.plan', href: urls.plan },
  { key: 'nav.tool.policiesForMe', href: urls.policiesForMe },
  { key: 'nav.tool.marketAccess', href: urls.marketAccess },
  { key: 'nav.tool.sites', href: urls.sites },
  { key: 'nav.tool.costs', href: urls.estimator },
];

const NAV: { key: KeyOf<typeof t>; href: (lang: Lang) => string }[] = [
  { key: 'nav.beijing', href: urls.overview },
  { key: 'nav.twoZones', href: urls.twoZones },
  { key: 'nav.industries', href: urls.industries },
  { key: 'nav.parks', href: urls.parks },
  { key: 'nav.projects', href: (lang) => urls.projects(lang) },
  { key: 'nav.map', href: (lang) => urls.map(lang) },
  { key: 'nav.policies', href: (lang) => urls.policies(lang) },
  { key: 'nav.procedures', href: urls.procedures },
  { key: 'nav.costs', href: urls.costs },
  { key: 'nav.life', href: urls.life },
  { key: 'nav.directory', href: (lang) => urls.directory(lang) },
];

/** One row of the main menu; the current section is marked for screen readers. */
function NavList({ items, lang, section, label, modifier }: { items: typeof TOOLS; lang: Lang; section?: string; label: string; modifier?: string }) {
  return (
    <ul class={`site-nav__list${modifier ? ` ${modifier}` : ''} container`} aria-label={label}>
      {items.map((item) => (
        <li>
          <a href={item.href(lang)} aria-current={section === item.key ? 'page' : undefined}>
            {t(lang, item.key)}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function Layout(frame: PageFrame) {
  const { lang, path, baseUrl, title, crumbs = [], sources = [], section } = frame;
  const other = otherLang(lang);
  const siteName = t(lang, 'site.name');
  return (
    <html lang={htmlLang(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${siteName}`}</title>
        {frame.description && <meta name="description" content={frame.description} />}
        <link rel="canonical" href={baseUrl + path} />
        <link rel="alternate" hreflang="en" href={baseUrl + switchLangPath(path, 'en')} />
        <link rel="alternate" hreflang="zh-CN" href={baseUrl + switchLangPath(path, 'zh')} />
        <link rel="alternate" hreflang="x-default" href={baseUrl + switchLangPath(path, 'en')} />
        <link rel="stylesheet" href={urls.stylesheet()} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t(lang, 'layout.skip')}
        </a>
        <header class="site-header">
          <div class="site-header__bar container">
            <SiteBrand href={urls.home(lang)} name={siteName} tagline={t(lang, 'site.tagline')} />
            <form class="site-search" method="get" action={urls.search(lang)} role="search" aria-label={t(lang, 'search.title')}>
              <label for="site-search-q" class="visually-hidden">
                {t(lang, 'search.label')}
              </label>
              <input id="site-search-q" name="q" type="search" maxLength={300} placeholder={t(lang, 'search.placeholder')} />
              <button type="submit">{t(lang, 'search.button')}</button>
            </form>
            <a class="site-header__lang" href={switchLangPath(path, other)} hreflang={htmlLang(other)} lang={htmlLang(other)}>
              {t(other, 'layout.languageName')}
            </a>
          </div>
          {/* One menu, no script: on small screens a closed <details> ("Menu"); on wide ones the stylesheet shows its
              content and hides the summary. */}
          <nav class="site-nav" aria-label={t(lang, 'layout.navLabel')}>
            <details class="site-nav__menu">
              <summary class="site-nav__toggle">{t(lang, 'nav.menu')}</summary>
              <NavList items={TOOLS} lang={lang} section={section} label={t(lang, 'nav.toolsLabel')} modifier="site-nav__list--tools" />
              <NavList items={NAV} lang={lang} section={section} label={t(lang, 'nav.guideLabel')} />
            </details>
          </nav>
        </header>
        <div class="container">
          {crumbs.length > 0 && (
            <nav class="breadcrumbs" aria-label={t(lang, 'layout.breadcrumbs')}>
              <ol>
                <li>
                  <a href={urls.home(lang)}>{t(lang, 'nav.home')}</a>
                </li>
                {crumbs.map((c) => (
                  <li>{c.href ? <a href={c.href}>{c.label}</a> : <span aria-current="page">{c.label}</span>}</li>
                ))}
              </ol>
            </nav>
          )}
          <main id="main" tabindex={-1}>
            {frame.children}
            <SourceList sources={sources} lang={lang} verified={frame.verified} />
          </main>
        </div>
        <footer class="site-footer">
          <div class="container site-footer__grid">
            <p>{t(lang, 'footer.about')}</p>
            <ul>
              <li><a href={urls.plan(lang)}>{t(lang, 'nav.plan')}</a></li>
              <li><a href={urls.policiesForMe(lang)}>{t(lang, 'match.title')}</a></li>
              <li><a href={urls.marketAccess(lang)}>{t(lang, 'access.title')}</a></li>
              <li><a href={urls.sites(lang)}>{t(lang, 'sites.title')}</a></li>
              <li><a href={urls.estimator(lang)}>{t(lang, 'estimator.title')}</a></li>
              <li><a href={urls.workingDays(lang)}>{t(lang, 'footer.workingDays')}</a></li>
              <li><a href={urls.ask(lang)}>{t(lang, 'ask.title')}</a></li>
              <li><a href={urls.service(lang)}>{t(lang, 'footer.serviceLine')}</a></li>
              <li><a href={urls.servicePerformance(lang)}>{t(lang, 'footer.servicePerformance')}</a></li>
              <li><a href={urls.glossary(lang)}>{t(lang, 'nav.glossary')}</a></li>
              <li><a href={urls.districts(lang)}>{t(lang, 'nav.districts')}</a></li>
              <li><a href={urls.apiDocs()}>{t(lang, 'footer.api')}</a></li>
              <li><a href={urls.about(lang)}>{t(lang, 'nav.about')}</a></li>
            </ul>
            <p class="site-footer__note">{t(lang, 'footer.translation')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
