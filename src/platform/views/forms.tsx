/** Form helpers: the GOV.UK-style error summary that lists every problem at once, linked to its field. */
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
