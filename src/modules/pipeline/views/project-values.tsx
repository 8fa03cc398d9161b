/**
 * A project field's value as people read it: labels for codes, content ids as their names (linked to the public page
 * where one exists), amounts with their currency. The facts, the history's changes and the evidence use it alike.
 */
import { urls } from '../../../platform/http/urls.js';
import { numberFormat, type Lang } from '../../../platform/i18n/i18n.js';
import type { ContentStore } from '../../content/index.js';
import { t } from '../messages.js';
import { tProject } from '../messages.project.js';
import { PROJECT_KINDS, SOURCE_KINDS, type ProjectKind, type SourceKind } from '../stage-rules.js';
import { formatAmount } from './project-options.js';

const isKind = (v: string): v is ProjectKind => (PROJECT_KINDS as readonly string[]).includes(v);
const isSource = (v: string): v is SourceKind => (SOURCE_KINDS as readonly string[]).includes(v);

/** `currency` is the project's, for its amounts in that currency; the CNY value is always in yuan. */
export function FieldValue({ lang, store, field, value, currency }: { lang: Lang; store: ContentStore; field: string; value: unknown; currency?: string | null }) {
  if (value === null || value === undefined || value === '') return <span class="muted">{tProject(lang, 'pipeline.project.value.none')}</span>;
  const text = String(value);
  const link = (href: string, name: string) => <a href={href}>{name}</a>;
  switch (field) {
    case 'kind':
      return <>{isKind(text) ? t(lang, `pipeline.kind.${text}`) : text}</>;
    case 'source_kind':
      return <>{isSource(text) ? t(lang, `pipeline.source.${text}`) : text}</>;
    case 'industry_id': {
      const item = store.get('industries', text);
      return item ? link(urls.industry(lang, text), item[lang].name) : <>{text}</>;
    }
    case 'district_id': {
      const item = store.get('districts', text);
      return item ? link(urls.district(lang, text), item[lang].name) : <>{text}</>;
    }
    case 'park_id': {
      const item = store.get('parks', text);
      return item ? link(urls.park(lang, text), item[lang].name) : <>{text}</>;
    }
    case 'ftz_cluster_id': {
      const item = store.get('zones', text);
      return item ? link(urls.zone(lang, text), item[lang].name) : <>{text}</>;
    }
    case 'opportunity_id': {
      const item = store.get('projects', text);
      // The public list of opportunities has a section per district; the opportunity is found there by its number.
      return item ? link(`${urls.projects(lang, { district: item.district })}#${item.district}`, `${item.number}. ${item[lang].name}`) : <>{text}</>;
    }
    case 'amount_total':
    case 'amount_foreign':
    case 'registered_capital':
      return <>{formatAmount(lang, text, currency ?? null)}</>;
    case 'amount_cny':
      return <>{formatAmount(lang, text, 'CNY')}</>;
    case 'expected_jobs':
      return <>{numberFormat[lang].format(Number(text))}</>;
    default:
      return <>{text}</>;
  }
}
