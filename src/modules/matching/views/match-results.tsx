/** Match results grouped by benefit type, each with its reasons: met, not met (given vs needed), still unknown. */
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { urls } from '../../../platform/http/urls.js';
import { SourceList } from '../../../platform/views/sources.js';
import type { ContentStore } from '../../content/index.js';
import type { MatchResult, NextQuestion } from '../match.js';
import { factValueLabel } from '../fact-labels.js';
import { BENEFIT_TYPES, type FactName } from '../../content/index.js';

/** A value in the sentence "you said …; needed …": its label in the page's language, never its code. */
function show(fact: FactName, value: unknown, store: ContentStore, lang: Lang): string {
  return factValueLabel(store, lang, fact, value, { inSentence: true }) || '—';
}

export function ResultCard({ result, store, lang }: { result: MatchResult; store: ContentStore; lang: Lang }) {
  const policy = store.get('policies', result.rule.policy)!;
  return (
    <li class={`match match--${result.status}`}>
      <p class="match__status">{t(lang, `match.status.${result.status}`)}</p>
      <h4 class="match__title">
        <a href={urls.policy(lang, policy.id)}>{policy[lang].title}</a>
      </h4>
      <p class="match__benefit">{result.rule[lang].benefit}</p>
      <ul class="reasons">
        {result.evaluation.passed.map((leaf) => (
          <li class="reason reason--met">
            <span aria-hidden="true">✓ </span>
            <span class="visually-hidden">{t(lang, 'match.met')}: </span>
            {leaf.label[lang]}
          </li>
        ))}
        {result.evaluation.failed.map((f) => (
          <li class="reason reason--failed">
            <span aria-hidden="true">✗ </span>
            <span class="visually-hidden">{t(lang, 'match.failed')}: </span>
            {f.leaf.label[lang]} — {t(lang, 'match.givenNeeded', { given: show(f.leaf.fact, f.given, store, lang), needed: show(f.leaf.fact, f.needed, store, lang) })}
          </li>
        ))}
        {result.evaluation.missing.map((leaf) => (
          <li class="reason reason--missing">
            <span aria-hidden="true">? </span>
            <span class="visually-hidden">{t(lang, 'match.unknown')}: </span>
            {leaf.label[lang]}
          </li>
        ))}
      </ul>
      <details class="match__sources">
        <summary>{tPlatform(lang, 'sources.heading')}</summary>
        <SourceList sources={result.rule.sources} lang={lang} heading={false} />
      </details>
    </li>
  );
}

/**
 * The results that apply or may apply, by benefit type. `collapseAfter` shows that many of each group and the rest
 * under "show n more", so a page can stay short and still list exactly the same policies as Policies for me.
 */
export function MatchResults({ results, store, lang, collapseAfter }: { results: MatchResult[]; store: ContentStore; lang: Lang; collapseAfter?: number }) {
  return (
    <>
      {BENEFIT_TYPES.map((type) => {
        const group = results.filter((r) => r.rule.benefit_type === type && r.status !== 'does_not_apply');
        if (group.length === 0) return null;
        const shown = collapseAfter === undefined ? group : group.slice(0, collapseAfter);
        const more = group.slice(shown.length);
        return (
          <section class="match-group" aria-labelledby={`benefit-${type}`}>
            <h3 id={`benefit-${type}`}>{t(lang, `match.benefit.${type}`)}</h3>
            <ul class="matches">
              {shown.map((r) => (
                <ResultCard result={r} store={store} lang={lang} />
              ))}
            </ul>
            {more.length > 0 && (
              <details class="more-matches">
                <summary>{t(lang, 'match.showMore', { count: more.length })}</summary>
                <ul class="matches">
                  {more.map((r) => (
                    <ResultCard result={r} store={store} lang={lang} />
                  ))}
                </ul>
              </details>
            )}
          </section>
        );
      })}
    </>
  );
}

export function NotApplying({ results, store, lang }: { results: MatchResult[]; store: ContentStore; lang: Lang }) {
  const out = results.filter((r) => r.status === 'does_not_apply');
  if (out.length === 0) return null;
  return (
    <details class="not-applying">
      <summary>{t(lang, 'match.notApplying', { count: out.length })}</summary>
      <ul class="matches">
        {out.map((r) => (
          <ResultCard result={r} store={store} lang={lang} />
        ))}
      </ul>
    </details>
  );
}

export function NextQuestions({ questions, lang }: { questions: NextQuestion[]; lang: Lang }) {
  if (questions.length === 0) return null;
  return (
    <div class="panel next-questions">
      <h2>{t(lang, 'match.nextQuestions')}</h2>
      <ol>
        {questions.slice(0, 6).map((q) => (
          <li>
            <a href={`#field-${q.fact}`}>{q.question[lang]}</a> <span class="muted">({t(lang, 'match.decides', { count: q.decides })})</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
