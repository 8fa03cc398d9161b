/**
 * The ways into the service line from the rest of the site: a policy, a procedure or a district page links to the
 * form with its topic or district filled in, /ask links to it with the question as the subject, and the directory
 * offers it when one does not know which office to ask. Other modules use these through the cases index.
 */
import { urls } from '../../platform/http/urls.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import type { ContentStore } from '../content/index.js';
import { t } from './messages.js';

const SUBJECT_MAX = 200;

/** The service topic whose catalogue entry lists this policy or procedure category (none: the visitor chooses). */
export function serviceTopicFor(store: ContentStore, about: { policyCategory?: string; procedureCategory?: string }): string | undefined {
  const topics = [...store.all('service-topics')].sort((a, b) => a.order - b.order);
  const found = about.procedureCategory
    ? topics.find((topic) => topic.procedure_categories.includes(about.procedureCategory!))
    : about.policyCategory
      ? topics.find((topic) => topic.policy_categories.includes(about.policyCategory!))
      : undefined;
  return found?.id;
}

function subjectOf(text: string | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  if (!clean) return undefined;
  return clean.length <= SUBJECT_MAX ? clean : `${clean.slice(0, SUBJECT_MAX - 1)}…`;
}

/** The form's address for a page about a policy, a procedure, a district, or for a question asked on /ask. */
export function serviceFormUrl(
  lang: Lang,
  store: ContentStore,
  about: { policyCategory?: string; procedureCategory?: string; district?: string; subject?: string; kind?: 'inquiry' } = {},
): string {
  return urls.service(lang, {
    kind: about.kind,
    topic: serviceTopicFor(store, about),
    district: about.district,
    subject: subjectOf(about.subject),
  });
}

type Place = 'policy' | 'procedure' | 'district' | 'directory';

/** A short panel that sends the visitor to the form: "Questions about this policy? … Contact the service line". */
export function ServiceLineLink({ lang, href, place, district }: { lang: Lang; href: string; place: Place; district?: string }) {
  const title =
    place === 'district' ? t(lang, 'service.link.district.title', { district: district ?? '' }) : t(lang, place === 'policy' ? 'service.link.policy.title' : place === 'procedure' ? 'service.link.procedure.title' : 'service.link.directory.title');
  return (
    <aside class="panel service-cta" aria-labelledby="service-cta-h">
      <h2 id="service-cta-h">{title}</h2>
      <p>{t(lang, 'service.link.lead')}</p>
      <p>
        <a class="button button--secondary" href={href}>
          {t(lang, 'service.link.button')}
        </a>
      </p>
    </aside>
  );
}

/** The link text /ask shows when the guide does not answer the question. */
export function askOfficeText(lang: Lang): string {
  return t(lang, 'service.link.ask');
}
