/** The due date of a request and the catalogue rule it comes from, with the rule's legal basis and source. */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { Facts } from '../../../platform/views/components.js';
import type { ServiceLimit } from '../../content/index.js';
import { t } from '../messages.js';
import { legalBases } from '../service-catalogue.js';
import { RuleSources } from './service-fields.js';

/** The due date is named after the stage the limit sets: an answer, a decision on acceptance, the end of handling. */
export function DueFacts({ lang, due, limit, rule }: { lang: Lang; due?: string; limit?: ServiceLimit; rule?: string }) {
  const dueLabel = t(lang, `service.due.${limit?.stage ?? 'feedback'}`);
  return (
    <Facts
      rows={[
        [dueLabel, due && <strong class="service-due">{due}</strong>],
        [
          t(lang, 'service.case.rule'),
          (limit || rule) && (
            <>
              <p class="service-rule">{limit ? limit.rule[lang] : rule}</p>
              {limit &&
                legalBases([limit], lang).map((basis) => (
                  <p class="service-rule">{t(lang, 'service.legalBasis', { basis })}</p>
                ))}
              {limit && <RuleSources lang={lang} sources={limit.sources} />}
            </>
          ),
        ],
      ]}
    />
  );
}
