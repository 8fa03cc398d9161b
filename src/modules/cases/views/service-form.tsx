/**
 * The service line's form (POST, works without script): kind with the time limits it gets and where they come from,
 * the foreign-invested enterprise complaint mechanism, topic, district, the request, the enterprise, contact or
 * anonymity, consent; every error listed at the top and next to its field, the visitor's answers kept.
 */
import { urls } from '../../../platform/http/urls.js';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { PageHeader } from '../../../platform/views/components.js';
import { describedBy, ErrorSummary, Field, type FieldError } from '../../../platform/views/forms.js';
import { CASE_KINDS, type CaseKind } from '../../content/index.js';
import { ATTACHMENT_LIMITS } from '../attachments/attachment-checks.js';
import { t, tReports } from '../messages.js';
import { ATTACHMENT_MB } from '../public-form-uploads.js';
import type { ServiceFormInput } from '../public-form.js';
import { legalBases, limitSources, type ServiceCatalogue } from '../service-catalogue.js';
import { Checkbox, ChoiceGroup, FormProblem, RuleSources, TextField } from './service-fields.js';

export interface ServiceFormProps {
  lang: Lang;
  catalogue: ServiceCatalogue;
  values: ServiceFormInput;
  errors: FieldError[];
  formToken: string;
  /** A problem with the whole form (security check, too many requests). */
  problem?: string;
}

const isKind = (value: string | undefined): value is CaseKind => (CASE_KINDS as readonly string[]).includes(value ?? '');

export function kindLabel(lang: Lang, kind: CaseKind): string {
  return t(lang, `service.kind.${kind}`);
}

function KindChoices({ lang, catalogue, values, error }: { lang: Lang; catalogue: ServiceCatalogue; values: ServiceFormInput; error?: string }) {
  const limits = catalogue.kinds.flatMap((k) => k.limits);
  return (
    <ChoiceGroup
      lang={lang}
      name="kind"
      legend={t(lang, 'service.kind.legend')}
      error={error}
      selected={values.kind}
      choices={catalogue.kinds.map(({ kind, limits: own }) => ({
        value: kind,
        label: kindLabel(lang, kind),
        hint: (
          <>
            <p>{t(lang, `service.kind.${kind}.hint`)}</p>
            <p class="service-limits__title">{t(lang, 'service.kind.limits')}</p>
            <ul class="service-limits">
              {own.map((limit) => (
                <li>{limit.rule[lang]}</li>
              ))}
            </ul>
          </>
        ),
      }))}
    >
      <p class="hint">{t(lang, 'service.kind.limitsNote')}</p>
      <RuleSources lang={lang} sources={limitSources(limits)} />
    </ChoiceGroup>
  );
}

function FieComplaint({ lang, catalogue, checked, error }: { lang: Lang; catalogue: ServiceCatalogue; checked: boolean; error?: string }) {
  return (
    <fieldset class="service-fieldset">
      <legend>{t(lang, 'service.fie.legend')}</legend>
      <Checkbox
        lang={lang}
        name="fie_complaint"
        label={t(lang, 'service.fie.label')}
        checked={checked}
        error={error}
        hint={
          <>
            <p>{t(lang, 'service.fie.hint')}</p>
            <ul class="service-limits">
              {catalogue.fieLimits.map((limit) => (
                <li>{limit.rule[lang]}</li>
              ))}
            </ul>
            {legalBases(catalogue.fieLimits, lang).map((basis) => (
              <p>{t(lang, 'service.legalBasis', { basis })}</p>
            ))}
            <RuleSources lang={lang} sources={limitSources(catalogue.fieLimits)} />
          </>
        }
      />
    </fieldset>
  );
}

function TopicChoices({ lang, catalogue, values, error }: { lang: Lang; catalogue: ServiceCatalogue; values: ServiceFormInput; error?: string }) {
  const kind = values.kind;
  // Once a kind is chosen (by a link or an earlier attempt), only the topics that take it are offered.
  const topics = catalogue.topics.filter((topic) => !isKind(kind) || topic.case_kinds.includes(kind) || topic.id === values.topic);
  const separator = lang === 'zh' ? '、' : ', ';
  return (
    <ChoiceGroup
      lang={lang}
      name="topic"
      legend={t(lang, 'service.topic.legend')}
      error={error}
      selected={values.topic}
      choices={topics.map((topic) => ({
        value: topic.id,
        label: topic[lang].name,
        hint: (
          <>
            <p>{topic[lang].hint}</p>
            {topic.case_kinds.length < CASE_KINDS.length && <p>{t(lang, 'service.topic.onlyFor', { kinds: topic.case_kinds.map((k) => kindLabel(lang, k)).join(separator) })}</p>}
          </>
        ),
      }))}
    />
  );
}

function DistrictSelect({ lang, catalogue, value, error }: { lang: Lang; catalogue: ServiceCatalogue; value?: string; error?: string }) {
  return (
    <Field lang={lang} name="district" label={`${t(lang, 'service.district.label')} ${t(lang, 'service.optional')}`} hint={t(lang, 'service.district.hint')} error={error}>
      <select id="district" name="district" aria-describedby={describedBy('district', true, error)}>
        <option value="">{t(lang, 'service.district.none')}</option>
        {catalogue.districts.map((d) => (
          <option value={d.id} selected={d.id === value}>
            {d.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function ServiceFormView({ lang, catalogue, values, errors, formToken, problem }: ServiceFormProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <>
      <PageHeader lang={lang} title={t(lang, 'service.title')} lead={t(lang, 'service.lead')} />
      <p>
        <a href={urls.serviceTrack(lang)}>{t(lang, 'service.trackLink')}</a>
      </p>
      <p>
        <a href={urls.servicePerformance(lang)}>{tReports(lang, 'performance.link')}</a>
      </p>
      <FormProblem lang={lang} message={problem} />
      {errors.length > 0 && <ErrorSummary lang={lang} errors={errors} />}
      <form class="service-form" method="post" action={urls.service(lang)} enctype="multipart/form-data" novalidate>
        <input type="hidden" name="_csrf" value={formToken} />
        <KindChoices lang={lang} catalogue={catalogue} values={values} error={errorOf('kind')} />
        <FieComplaint lang={lang} catalogue={catalogue} checked={values.fie_complaint === 'yes'} error={errorOf('fie_complaint')} />
        <TopicChoices lang={lang} catalogue={catalogue} values={values} error={errorOf('topic')} />
        <DistrictSelect lang={lang} catalogue={catalogue} value={values.district} error={errorOf('district')} />

        <fieldset class="service-fieldset">
          <legend>{t(lang, 'service.request.legend')}</legend>
          <TextField lang={lang} name="subject" label={t(lang, 'service.subject.label')} hint={t(lang, 'service.subject.hint')} error={errorOf('subject')} value={values.subject} maxLength={200} />
          <TextField lang={lang} name="description" label={t(lang, 'service.description.label')} hint={t(lang, 'service.description.hint')} error={errorOf('description')} value={values.description} maxLength={20_000} rows={10} />
          <Field
            lang={lang}
            name="attachments"
            label={`${t(lang, 'service.attachments.label')} ${t(lang, 'service.optional')}`}
            hint={t(lang, 'service.attachments.hint', { count: ATTACHMENT_LIMITS.maxPerCase, size: ATTACHMENT_MB })}
            error={errorOf('attachments')}
          >
            <input id="attachments" name="attachments" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" aria-describedby={describedBy('attachments', true, errorOf('attachments'))} />
          </Field>
        </fieldset>

        <fieldset class="service-fieldset" aria-describedby="enterprise-hint">
          <legend>{t(lang, 'service.enterprise.legend')}</legend>
          <p class="hint" id="enterprise-hint">
            {t(lang, 'service.enterprise.hint')}
          </p>
          <TextField lang={lang} name="enterprise_name" label={t(lang, 'service.enterpriseName.label')} error={errorOf('enterprise_name')} value={values.enterprise_name} maxLength={300} optional autocomplete="organization" />
          <TextField lang={lang} name="uscc" label={t(lang, 'service.uscc.label')} hint={t(lang, 'service.uscc.hint')} error={errorOf('uscc')} value={values.uscc} maxLength={24} optional spellcheck={false} />
          <ChoiceGroup
            lang={lang}
            name="foreign_invested"
            legend={t(lang, 'service.foreignInvested.legend')}
            optional
            error={errorOf('foreign_invested')}
            selected={values.foreign_invested}
            choices={[
              { value: 'yes', label: t(lang, 'service.foreignInvested.yes') },
              { value: 'no', label: t(lang, 'service.foreignInvested.no') },
            ]}
          />
          <TextField lang={lang} name="investor_origin" label={t(lang, 'service.investorOrigin.label')} hint={t(lang, 'service.investorOrigin.hint')} error={errorOf('investor_origin')} value={values.investor_origin} maxLength={100} optional autocomplete="country-name" />
        </fieldset>

        <fieldset class="service-fieldset" aria-describedby="contact-hint">
          <legend>{t(lang, 'service.contact.legend')}</legend>
          <p class="hint" id="contact-hint">
            {t(lang, 'service.contact.hint')}
          </p>
          <TextField lang={lang} name="contact_name" label={t(lang, 'service.contactName.label')} error={errorOf('contact_name')} value={values.contact_name} maxLength={200} optional autocomplete="name" />
          <TextField lang={lang} name="contact_email" type="email" label={t(lang, 'service.contactEmail.label')} error={errorOf('contact_email')} value={values.contact_email} maxLength={254} optional autocomplete="email" spellcheck={false} />
          <TextField lang={lang} name="contact_phone" type="tel" label={t(lang, 'service.contactPhone.label')} error={errorOf('contact_phone')} value={values.contact_phone} maxLength={40} optional autocomplete="tel" />
          <Checkbox lang={lang} name="anonymous" label={t(lang, 'service.anonymous.label')} hint={<p>{t(lang, 'service.anonymous.hint')}</p>} error={errorOf('anonymous')} checked={values.anonymous === 'yes'} />
        </fieldset>

        <fieldset class="service-fieldset" aria-describedby="consent-text">
          <legend>{t(lang, 'service.consent.legend')}</legend>
          <p id="consent-text">{t(lang, 'service.consent.text')}</p>
          <Checkbox lang={lang} name="consent" label={t(lang, 'service.consent.label')} error={errorOf('consent')} checked={values.consent === 'yes'} />
        </fieldset>

        {/* A field people never see or hear (off screen, hidden from assistive technology, out of the tab order):
            only a program filling in every field fills it, and such a form is refused. */}
        <div class="service-extra" aria-hidden="true">
          <label for="website">{t(lang, 'service.honeypot.label')}</label>
          <input id="website" name="website" type="text" value="" tabindex={-1} autocomplete="off" />
        </div>

        <button type="submit" class="button">
          {t(lang, 'service.submit')}
        </button>
      </form>
    </>
  );
}
