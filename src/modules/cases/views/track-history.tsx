/** A request's public history in plain words, oldest first: what happened, when, and the text or dates it carried. */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { KeyOf } from '../../../platform/i18n/i18n.js';
import { RESOLUTION_CODES, type ResolutionCode } from '../case-actions.js';
import { formatInstant } from '../case-time.js';
import { t } from '../messages.js';
import type { PublicEvent } from '../public-view.js';

type Key = KeyOf<typeof t>;

const EVENT_LABELS: Readonly<Record<string, Key>> = {
  submit: 'service.event.submit',
  accept: 'service.event.accept',
  reject: 'service.event.reject',
  request_materials: 'service.event.request_materials',
  supply_materials: 'service.event.supply_materials',
  answer: 'service.event.answer',
  mark_duplicate: 'service.event.mark_duplicate',
  dispatch: 'service.event.dispatch',
  sign_for: 'service.event.sign_for',
  approve_extension: 'service.event.approve_extension',
  approve_reply: 'service.event.approve_reply',
  rate: 'service.event.rate',
  close: 'service.event.close',
  reopen: 'service.event.reopen',
};

export function eventLabel(lang: Lang, action: string): string {
  return t(lang, EVENT_LABELS[action] ?? 'service.event.other');
}

export function outcomeLabel(lang: Lang, code: string): string | undefined {
  return (RESOLUTION_CODES as readonly string[]).includes(code) ? t(lang, `service.outcome.${code as ResolutionCode}`) : undefined;
}

function EventDetails({ lang, event }: { lang: Lang; event: PublicEvent }) {
  const outcome = event.resolution_code ? outcomeLabel(lang, event.resolution_code) : undefined;
  return (
    <>
      {event.text && (
        <div class="service-event__text">
          {event.action === 'approve_extension' && <p class="service-event__label">{t(lang, 'service.case.nextSteps')}</p>}
          {event.text.split('\n').map((line) => (
            <p>{line}</p>
          ))}
        </div>
      )}
      {event.materials_due_at && <p>{t(lang, 'service.case.materialsDue', { date: formatInstant(new Date(event.materials_due_at), lang) })}</p>}
      {event.due_at && (
        <p>{t(lang, event.action === 'approve_extension' ? 'service.case.newDue' : 'service.case.dueSet', { date: formatInstant(new Date(event.due_at), lang) })}</p>
      )}
      {outcome && <p>{t(lang, 'service.case.resolution', { outcome })}</p>}
      {event.cites && event.cites.length > 0 && (
        <div class="service-event__cites">
          <p class="service-event__label">{t(lang, 'service.case.cites')}</p>
          <ul>
            {event.cites.map((c) => (
              <li>
                <a href={c.kind === 'policy' ? urls.policy(lang, c.id) : urls.procedure(lang, c.id)}>{c[lang]}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

export function CaseHistory({ lang, events }: { lang: Lang; events: readonly PublicEvent[] }) {
  return (
    <section class="section" aria-labelledby="history-h">
      <h2 id="history-h">{t(lang, 'service.case.history')}</h2>
      <ol class="service-history">
        {events.map((event) => (
          <li class={`service-event service-event--${event.action.replace(/_/g, '-')}`}>
            <p class="service-event__head">
              <strong>{eventLabel(lang, event.action)}</strong> <time datetime={event.at}>{formatInstant(new Date(event.at), lang)}</time>
            </p>
            <EventDetails lang={lang} event={event} />
          </li>
        ))}
      </ol>
    </section>
  );
}
