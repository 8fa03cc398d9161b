/**
 * The answer to a filed request: the reference and the tracking token, shown this once (only the token's hash is
 * kept), each in a box that selects whole on one click, the tracking link, the due date with the rule it comes from,
 * and what happens next. Rendered in the POST's own answer (no redirect carries the token).
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { PageHeader } from '../../../platform/views/components.js';
import type { ServiceLimit } from '../../content/index.js';
import { formatInstant } from '../case-time.js';
import { REOPEN_WINDOW_DAYS } from '../case-states.js';
import { t } from '../messages.js';
import { DueFacts } from './service-due.js';

export interface ConfirmationProps {
  lang: Lang;
  reference: string;
  token: string;
  /** The tracking link as the e-mail carries it (shown, to copy), and its path on this site (followed). */
  trackingUrl: string;
  trackingHref: string;
  dueAt: Date;
  limit: ServiceLimit;
  /** The e-mail the acknowledgement went to (none for an anonymous request or one with a telephone only). */
  email?: string;
  anonymous: boolean;
  /** Names of the documents attached to the case. */
  attachments: readonly string[];
  attachmentsFailed: boolean;
}

export function ConfirmationView({ lang, reference, token, trackingUrl, trackingHref, dueAt, limit, email, anonymous, attachments, attachmentsFailed }: ConfirmationProps) {
  return (
    <>
      <PageHeader lang={lang} title={t(lang, 'service.done.title', { reference })} lead={t(lang, 'service.done.lead')} />
      <section class="service-receipt" aria-labelledby="receipt-h">
        <h2 id="receipt-h">{t(lang, 'service.done.keepTitle')}</h2>
        <p class="service-warning">
          <strong>{t(lang, 'service.done.keepWarning')}</strong>
        </p>
        {anonymous && <p class="service-warning">{t(lang, 'service.done.keepAnonymous')}</p>}
        <dl class="service-receipt__codes">
          <div>
            <dt>{t(lang, 'service.done.reference')}</dt>
            <dd>
              <code class="service-code" id="case-reference">
                {reference}
              </code>
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'service.done.token')}</dt>
            <dd>
              <code class="service-code" id="case-token">
                {token}
              </code>
            </dd>
          </div>
          <div>
            <dt>{t(lang, 'service.done.link')}</dt>
            <dd>
              <a class="service-code service-code--link" href={trackingHref}>
                {trackingUrl}
              </a>
            </dd>
          </div>
        </dl>
        {email && <p>{t(lang, 'service.done.keepEmail', { email })}</p>}
      </section>

      {attachments.length > 0 && (
        <section class="section" aria-labelledby="attachments-h">
          <h2 id="attachments-h">{t(lang, 'service.done.attachments')}</h2>
          <ul class="bullets">
            {attachments.map((name) => (
              <li>{name}</li>
            ))}
          </ul>
        </section>
      )}
      {attachmentsFailed && <p class="service-warning">{t(lang, 'service.done.attachmentsFailed')}</p>}

      <section class="section" aria-labelledby="due-h">
        <h2 id="due-h">{t(lang, 'service.done.dueTitle')}</h2>
        <DueFacts lang={lang} due={formatInstant(dueAt, lang)} limit={limit} />
        <p class="hint">{t(lang, 'service.kind.limitsNote')}</p>
      </section>

      <section class="section" aria-labelledby="next-h">
        <h2 id="next-h">{t(lang, 'service.done.nextTitle')}</h2>
        <ol class="service-next">
          <li>{t(lang, 'service.done.next.accept')}</li>
          <li>{t(lang, 'service.done.next.materials')}</li>
          <li>{t(lang, 'service.done.next.dispatch')}</li>
          <li>{t(lang, 'service.done.next.reply')}</li>
          <li>{t(lang, 'service.done.next.rate', { days: REOPEN_WINDOW_DAYS })}</li>
        </ol>
        {email && <p>{t(lang, 'service.done.next.email')}</p>}
        <p>
          <a class="button" href={trackingHref}>
            {t(lang, 'service.done.track')}
          </a>
        </p>
      </section>
    </>
  );
}
