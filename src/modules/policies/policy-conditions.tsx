/**
 * Who a policy is for, as the rules read the guide: each rule's benefit and its conditions in words, each with the
 * sentence of the source that sets it, and a way to check them against the investor's own answers.
 */
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { urls } from '../../platform/http/urls.js';
import { UnofficialTranslation } from '../../platform/views/sources.js';
import type { Condition, Leaf, Rule } from '../content/index.js';

function LeafItem({ leaf, lang }: { leaf: Leaf; lang: Lang }) {
  const quote = (leaf as Leaf & { quote?: string }).quote;
  return (
    <li>
      {leaf.label[lang]}
      {quote && (
        <>
          {' '}
          <span class="muted">
            — {t(lang, 'policies.conditions.guideSays')} <q lang="en">{quote}</q>
          </span>
        </>
      )}
    </li>
  );
}

function ConditionTree({ condition, lang }: { condition: Condition; lang: Lang }) {
  if ('all' in condition) return <>{condition.all.map((c) => <ConditionTree condition={c} lang={lang} />)}</>;
  if ('any' in condition) {
    return (
      <li>
        {t(lang, 'policies.conditions.oneOf')}
        <ul>
          {condition.any.map((c) => (
            <ConditionTree condition={c} lang={lang} />
          ))}
        </ul>
      </li>
    );
  }
  if ('not' in condition) {
    return (
      <li>
        {t(lang, 'policies.conditions.not')}
        <ul>
          <ConditionTree condition={condition.not} lang={lang} />
        </ul>
      </li>
    );
  }
  return <LeafItem leaf={condition} lang={lang} />;
}

export function PolicyConditions({ rules, lang }: { rules: readonly Rule[]; lang: Lang }) {
  if (rules.length === 0) return null;
  return (
    <section class="section" aria-labelledby="conditions-h">
      <h2 id="conditions-h">{t(lang, 'policies.conditions.heading')}</h2>
      {rules.map((rule) => (
        <div class="policy-rule">
          <p>
            <strong>{rule[lang].benefit}</strong>
          </p>
          <UnofficialTranslation lang={lang} status={rule.zh_translation} />
          <ul class="conditions">
            <ConditionTree condition={rule.condition} lang={lang} />
          </ul>
        </div>
      ))}
      <p>
        <a href={urls.policiesForMe(lang)}>{t(lang, 'policies.conditions.check')}</a>
      </p>
    </section>
  );
}
