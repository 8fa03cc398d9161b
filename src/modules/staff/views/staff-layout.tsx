/**
 * The frame of staff pages: the site's header and styles, but no public navigation, search or canonical links,
 * and `noindex` — staff pages are for signed-in people, not search engines.
 */
import type { ComponentChildren } from 'preact';
import { htmlLang, otherLang, t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { switchLangPath, urls } from '../../../platform/http/urls.js';
import { SiteBrand } from '../../../platform/views/components.js';

export function StaffLayout({ lang, path, title, children }: { lang: Lang; path: string; title: string; children: ComponentChildren }) {
  const other = otherLang(lang);
  return (
    <html lang={htmlLang(lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${title} | ${t(lang, 'staff.layout.area')} | ${tPlatform(lang, 'site.name')}`}</title>
        <link rel="stylesheet" href={urls.stylesheet()} />
        <link rel="stylesheet" href={urls.staffStylesheet()} />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {tPlatform(lang, 'layout.skip')}
        </a>
        <header class="site-header">
          <div class="site-header__bar container">
            <SiteBrand href={urls.staffHome(lang)} name={tPlatform(lang, 'site.name')} tagline={t(lang, 'staff.layout.area')} />
            <a class="site-header__lang" href={switchLangPath(path, other)} hreflang={htmlLang(other)} lang={htmlLang(other)}>
              {tPlatform(other, 'layout.languageName')}
            </a>
          </div>
        </header>
        <div class="container">
          <main id="main" tabindex={-1}>
            {children}
          </main>
        </div>
        <footer class="site-footer">
          <div class="container">
            <p>
              <a href={urls.home(lang)}>{t(lang, 'staff.layout.public')}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
