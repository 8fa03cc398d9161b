/** The numbered measures of a policy (e.g. the 25 measures of 2021), grouped, with responsible departments. */
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { Section } from '../../platform/views/components.js';
import type { Policy } from '../content/index.js';

export function PolicyParts({ policy, lang }: { policy: Policy; lang: Lang }) {
  if (policy.parts.length === 0) return null;
  const groups: { label: string; parts: Policy['parts'] }[] = [];
  for (const part of policy.parts) {
    const label = part.group ? part.group[lang] : '';
    const last = groups[groups.length - 1];
    if (last && last.label === label) last.parts.push(part);
    else groups.push({ label, parts: [part] });
  }
  return (
    <Section id="parts" title={t(lang, 'policies.parts', { count: policy.parts.length })}>
      {groups.map((group) => (
        <div class="part-group">
          {group.label && <h3>{group.label}</h3>}
          <ol class="parts">
            {group.parts.map((part) => (
              <li value={part.number} id={`part-${part.number}`}>
                {part[lang].title && <h4>{part[lang].title}</h4>}
                {part[lang].text.split('\n').map((para) => (
                  <p>{para}</p>
                ))}
                {part.departments.length > 0 && (
                  <p class="muted">
                    {t(lang, 'policies.departments')}: {part.departments.map((d) => d[lang]).join(lang === 'zh' ? '、' : '; ')}
                  </p>
                )}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </Section>
  );
}
