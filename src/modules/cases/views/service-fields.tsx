/**
 * Labelled fields of the service line's public forms: each control is tied to its hint and its error
 * (aria-describedby), marked invalid when it has one, and a group of radios or boxes is a fieldset with a legend. The
 * first radio of a group carries the group's name as its id, so the error summary's link lands on it.
 */
import type { ComponentChildren } from 'preact';
import { t as tPlatform, type Lang } from '../../../platform/i18n/i18n.js';
import { describedBy as describedByField, Field } from '../../../platform/views/forms.js';
import { sectionLabel, sourceTitle, uniqueSources, type SourceRef } from '../../../platform/views/sources.js';
import { t } from '../messages.js';

/** The ids a control is described by (its hint, its error), when it has them. */
export const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** The error of a group of choices, above them (a single field's error is the platform Field's). */
export function FieldError({ lang, id, message }: { lang: Lang; id: string; message?: string }) {
  if (!message) return null;
  return (
    <p class="field__error" id={id}>
      <span class="visually-hidden">{tPlatform(lang, 'form.errorPrefix')}</span> {message}
    </p>
  );
}

interface TextProps {
  lang: Lang;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
  optional?: boolean;
  maxLength: number;
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  /** A textarea of that many rows instead of a one-line input. */
  rows?: number;
  spellcheck?: boolean;
}

/** A one-line input or a textarea in the platform's Field (label, hint, its own error), "(optional)" after the label. */
export function TextField({ lang, name, label, hint, error, value, optional, maxLength, type = 'text', autocomplete, rows, spellcheck }: TextProps) {
  const described = describedByField(name, Boolean(hint), error);
  const shown = optional ? `${label} ${t(lang, 'service.optional')}` : label;
  return (
    <Field lang={lang} name={name} label={shown} hint={hint} error={error}>
      {rows ? (
        <textarea id={name} name={name} rows={rows} maxLength={maxLength} aria-describedby={described} aria-invalid={error ? 'true' : undefined} required={!optional}>
          {value ?? ''}
        </textarea>
      ) : (
        <input
          id={name}
          name={name}
          type={type as 'text'}
          value={value ?? ''}
          maxLength={maxLength}
          autocomplete={autocomplete}
          spellcheck={spellcheck}
          aria-describedby={described}
          aria-invalid={error ? 'true' : undefined}
          required={!optional}
        />
      )}
    </Field>
  );
}

export interface Choice {
  value: string;
  label: string;
  /** Text under the choice (plain, or richer content). */
  hint?: ComponentChildren;
}

/** One question answered by one radio of several, or by boxes ticked (`multiple`). */
export function ChoiceGroup({ lang, name, legend, hint, error, choices, selected, optional, children }: {
  lang: Lang;
  name: string;
  legend: string;
  hint?: ComponentChildren;
  error?: string;
  choices: Choice[];
  selected?: string;
  optional?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <fieldset class={`service-fieldset${error ? ' service-fieldset--error' : ''}`} aria-describedby={describedBy(hint !== undefined && `${name}-hint`, error && `${name}-error`)}>
      <legend>
        {legend}
        {optional && <span class="service-optional"> {t(lang, 'service.optional')}</span>}
      </legend>
      {hint !== undefined && (
        <div class="hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
      <FieldError lang={lang} id={`${name}-error`} message={error} />
      <div class="service-choices">
        {choices.map((choice, i) => {
          const id = i === 0 ? name : `${name}-${choice.value}`;
          return (
            <div class="service-choice">
              <div class="checkbox">
                <input type="radio" id={id} name={name} value={choice.value} checked={selected === choice.value} aria-describedby={choice.hint ? `${id}-hint` : undefined} />
                <label for={id}>{choice.label}</label>
              </div>
              {choice.hint && (
                <div class="hint service-choice__hint" id={`${id}-hint`}>
                  {choice.hint}
                </div>
              )}
            </div>
          );
        })}
      </div>
      {children}
    </fieldset>
  );
}

/** A single box to tick (sent as value "yes"). */
export function Checkbox({ lang, name, label, hint, error, checked }: { lang: Lang; name: string; label: string; hint?: ComponentChildren; error?: string; checked: boolean }) {
  return (
    <div class={`service-choice${error ? ' service-choice--error' : ''}`}>
      <FieldError lang={lang} id={`${name}-error`} message={error} />
      <div class="checkbox">
        <input type="checkbox" id={name} name={name} value="yes" checked={checked} aria-describedby={describedBy(hint !== undefined && `${name}-hint`, error && `${name}-error`)} aria-invalid={error ? 'true' : undefined} />
        <label for={name}>{label}</label>
      </div>
      {hint !== undefined && (
        <div class="hint service-choice__hint" id={`${name}-hint`}>
          {hint}
        </div>
      )}
    </div>
  );
}

/** "Source: <document> — <section>" for the catalogue entries a rule on the page comes from. */
export function RuleSources({ lang, sources }: { lang: Lang; sources: readonly SourceRef[] }) {
  const list = uniqueSources(sources);
  if (list.length === 0) return null;
  return (
    <p class="service-source">
      {t(lang, 'service.sourcePrefix')}{' '}
      {list.map((source, i) => (
        <>
          {i > 0 && '; '}
          <cite>{sourceTitle(source, lang)}</cite> — {sectionLabel(source.section, lang)}
          {source.url && (
            <>
              {' · '}
              <a href={source.url} rel="noopener">
                {tPlatform(lang, 'sources.official')}
              </a>
            </>
          )}
        </>
      ))}
    </p>
  );
}

/** A problem with the whole form (not one field): the same box as the error summary, without links. */
export function FormProblem({ lang, message }: { lang: Lang; message?: string }) {
  if (!message) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="form-problem-h" tabindex={-1}>
      <h2 id="form-problem-h">{tPlatform(lang, 'form.errorSummary')}</h2>
      <p>{message}</p>
    </div>
  );
}
