/**
 * Reply templates (content kind 'service-reply-templates'): the ones that fit a case (its topic's, then those for
 * every topic, for its kind), and a template's text filled in for the case, in the case's language — the enterprise
 * reads the reply in the language it wrote in, whatever the language of the staff page.
 */
import type { ContentStore, ServiceReplyTemplate } from '../content/index.js';
import type { CaseRow } from './case.repository.js';
import { t } from './messages.js';

export function templatesFor(store: ContentStore, row: Pick<CaseRow, 'topic_id' | 'kind'>): ServiceReplyTemplate[] {
  const fits = store.all('service-reply-templates').filter((tpl) => tpl.case_kinds.includes(row.kind) && (tpl.topics.length === 0 || tpl.topics.includes(row.topic_id)));
  const rank = (tpl: ServiceReplyTemplate) => (tpl.topics.length ? 0 : 1);
  return [...fits].sort((a, b) => rank(a) - rank(b) || a.order - b.order);
}

export function filledTemplate(template: ServiceReplyTemplate, row: Pick<CaseRow, 'lang' | 'reference' | 'enterprise_name' | 'contact_name' | 'anonymous'>): string {
  const lang = row.lang;
  const name = row.anonymous ? null : (row.enterprise_name ?? row.contact_name);
  const greeting = name ? t(lang, 'caseForm.greeting.named', { name }) : t(lang, 'caseForm.greeting.anonymous');
  return template[lang].body.replaceAll('{greeting}', greeting).replaceAll('{reference}', row.reference);
}
