/** Form helpers: the GOV.UK-style error summary that lists every problem at once, linked to its field. */
import type { ComponentChildren } from 'preact';
import { t, type Lang } from '../i18n/i18n.js';

export interface FieldError {
  field: string;
  message: string;
}

export function ErrorSummary({ lang, errors }: { lang: Lang; errors: FieldError[] }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
      <h2 id="error-summary-title">{t(lang, 'form.errorSummary')}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A labelled field of a public form with its hint and its own error (GOV.UK: the message above the input, prefixed
 * for screen readers). The input is the child; give it `aria-describedby={describedBy(name, hint, error)}`.
 */
export function Field({ lang, name, label, hint, error, children }: { lang: Lang; name: string; label: string; hint?: string; error?: string; children: ComponentChildren }) {
  return (
    <div class={`field${error ? ' field--error' : ''}`}>
      <label for={name}>{label}</label>
      {hint && (
        <span class="hint" id={`${name}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <p class="field__error" id={`${name}-error`}>
          <span class="visually-hidden">{t(lang, 'form.errorPrefix')}</span> {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** The ids a field's input is described by: its hint and its error, when it has them. */
export function describedBy(name: string, hint: boolean, error?: string): string | undefined {
  return [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export interface Option {
  value: string;
  label: string;
}

/** A labelled select that keeps the value chosen in a GET query; `className` marks fields to highlight. */
export function SelectField({ name, label, options, selected, className, id }: { name: string; label: string; options: Option[]; selected: string; className?: string; id?: string }) {
  return (
    <div class={`field${className ? ` ${className}` : ''}`} id={id}>
      <label for={name}>{label}</label>
      <select id={name} name={name}>
        {options.map((o) => (
          <option value={o.value} selected={selected === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A one-button form in a table row (remove, revoke, cancel): the button's visible word and, for screen readers, which
 * row it acts on, so a list of identical buttons reads as distinct actions.
 */
export function RowActionForm({ action, csrf, label, which, small = false }: { action: string; csrf: string; label: string; which: string; small?: boolean }) {
  return (
    <form method="post" action={action} class="inline-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <button type="submit" class={small ? 'button button--secondary button--small' : 'button button--secondary'}>
        {label}
        <span class="visually-hidden"> {which}</span>
      </button>
    </form>
  );
}
