/** The market-access answer: its bottom line first, then every list item found, with its conditions and source. */
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { ExternalLink } from '../../../platform/views/components.js';
import { UnofficialTranslation } from '../../../platform/views/sources.js';
import type { AccessFinding, AccessResult } from '../check.js';
import { documentNumberOf } from '../../content/index.js';

function Finding({ f, lang }: { f: AccessFinding; lang: Lang }) {
  const link = f.list.url ?? f.item.sources.find((s) => s.url)?.url;
  return (
    <li class={`access-item access-item--${f.item.measure}`}>
      <p class="match__status">{t(lang, `access.measure.${f.item.measure}`)}</p>
      <h4>
        {f.list[lang].title} — {t(lang, 'access.item', { n: f.item.item_number })} <span class="muted">({t(lang, 'access.code', { code: f.item.id })})</span>
      </h4>
      <p>{f.item[lang].text}</p>
      <UnofficialTranslation lang={lang} status={f.item.zh_translation ?? 'official'} />
      {f.item.conditions && <p><strong>{t(lang, 'access.conditions')}:</strong> {f.item.conditions[lang]}</p>}
      {f.exceedsCap === true && <p class="reason--failed">{t(lang, 'access.exceedsCap', { cap: f.item.restriction?.max_foreign_share_pct ?? '' })}</p>}
      {!f.item.verified && <p class="tag tag--unofficial">{t(lang, 'access.unverified')}</p>}
      <p class="muted">
        {t(lang, 'access.matched')}: {f.matched.join(', ')}
        {documentNumberOf(f.item, lang) && ` · ${documentNumberOf(f.item, lang)}`}
        {link ? (
          <>
            {' · '}
            <ExternalLink href={link}>{tPlatform(lang, 'sources.official')}</ExternalLink>
          </>
        ) : (
          ` · ${t(lang, 'access.noLink', { document: documentNumberOf(f.item, lang) ?? documentNumberOf(f.list, lang) ?? f.list[lang].title })}`
        )}
      </p>
    </li>
  );
}

/**
 * The answer first: one line that says prohibited, restricted (and how), opened in Beijing (by what) or that nothing
 * was found in the lists held — never "allowed". The market-access page and the plan's summary both use it.
 */
export function accessBottomLine(result: AccessResult, lang: Lang): string {
  const first = result.findings[0];
  switch (result.verdict) {
    case 'prohibited': {
      const item = result.findings.find((f) => f.item.measure === 'prohibited')!;
      return t(lang, 'access.bottom.prohibited', { n: item.item.item_number, sector: item.item.sector[lang] });
    }
    case 'restricted': {
      const sep = lang === 'zh' ? '' : ' ';
      const over = result.findings.some((f) => f.exceedsCap === true) ? sep + t(lang, 'access.bottom.overCap') : '';
      const more = result.findings.length > 1 ? sep + t(lang, 'access.bottom.more', { count: result.findings.length - 1 }) : '';
      return `${t(lang, 'access.bottom.restricted', { text: first.item[lang].text })}${over}${more}`;
    }
    case 'opened_by_beijing_pilot': {
      const opening = result.openings[0];
      // A document number only in the page's language: on /zh pages an English-only number is left out.
      const document = lang === 'zh' ? opening.item.document_number_zh : documentNumberOf(opening.item, lang);
      return document
        ? t(lang, 'access.bottom.opened', { document, sector: opening.item.sector[lang] })
        : t(lang, 'access.bottom.openedPilot', { list: opening.list[lang].title, sector: opening.item.sector[lang] });
    }
    default:
      return t(lang, 'access.bottom.none');
  }
}

export function AccessVerdict({ result, lang }: { result: AccessResult; lang: Lang }) {
  return (
    <>
      <p class={`verdict verdict--${result.verdict}`} role="status">
        {accessBottomLine(result, lang)}
      </p>
      {result.verdict === 'no_item_found' && !result.conclusive && <p>{t(lang, 'access.notConclusive')}</p>}
      <ul class="matches">
        {[...result.openings, ...result.findings].map((f) => (
          <Finding f={f} lang={lang} />
        ))}
      </ul>
      <p class="muted">
        {t(lang, 'access.listsChecked')}: {result.listsChecked.map((l) => `${l[lang].title} (${l.effective})`).join('; ')}
      </p>
    </>
  );
}
