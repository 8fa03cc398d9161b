/** One office: name, address, phones, fax, postcode, website — as a card people can read or print. */
import { bi, ExternalLink, local } from '../../platform/views/components.js';
import { DataNote } from '../../platform/views/sources.js';
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import type { Contact } from '../content/index.js';

export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

export function ContactCard({ contact, lang }: { contact: Contact; lang: Lang }) {
  const text = local(contact, lang);
  return (
    <li class="contact-card" id={`contact-${contact.id}`}>
      <h3 class="contact-card__name">{text.name}</h3>
      <p class="contact-card__type">{t(lang, `contact.type.${contact.org_type}`)}</p>
      <dl class="facts facts--compact">
        {text.address && (
          <div class="facts__row">
            <dt>{t(lang, 'contact.address')}</dt>
            <dd>{text.address}</dd>
          </div>
        )}
        {contact.postcode && (
          <div class="facts__row">
            <dt>{t(lang, 'contact.postcode')}</dt>
            <dd>{contact.postcode}</dd>
          </div>
        )}
        {contact.phones.map((phone) => (
          <div class="facts__row">
            <dt>{phone.label ? bi(phone.label, lang) : t(lang, 'contact.phone')}</dt>
            <dd>
              <a href={telHref(phone.number)}>{phone.number}</a>
            </dd>
          </div>
        ))}
        {contact.fax && (
          <div class="facts__row">
            <dt>{t(lang, 'contact.fax')}</dt>
            <dd>{contact.fax}</dd>
          </div>
        )}
        {contact.email && (
          <div class="facts__row">
            <dt>{t(lang, 'contact.email')}</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </div>
        )}
        {contact.website && (
          <div class="facts__row">
            <dt>{t(lang, 'contact.website')}</dt>
            <dd>
              <ExternalLink href={contact.website}>{contact.website.replace(/^https?:\/\//, '').replace(/\/$/, '')}</ExternalLink>
            </dd>
          </div>
        )}
        {text.hours && (
          <div class="facts__row">
            <dt>{t(lang, 'contact.hours')}</dt>
            <dd>{text.hours}</dd>
          </div>
        )}
      </dl>
      {text.notes && <p class="contact-card__notes">{text.notes}</p>}
      <DataNote note={contact.data_note} lang={lang} />
    </li>
  );
}
