/** A text input with its label, hint and error message (GOV.UK pattern: the message sits above the input). */
import { t, type Lang } from '../../../platform/i18n/i18n.js';

export interface TextFieldProps {
  lang: Lang;
  name: string;
  label: string;
  type: 'email' | 'password';
  autocomplete: string;
  value?: string;
  hint?: string;
  error?: string;
}

export function TextField({ lang, name, label, type, autocomplete, value, hint, error }: TextFieldProps) {
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field staff-field${error ? ' field--error' : ''}`}>
      <label for={name}>{label}</label>
      {hint && (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field__error" id={`${name}-error`}>
          <span class="visually-hidden">{t(lang, 'staff.errorPrefix')}</span> {error}
        </p>
      )}
      {/* One element per type: preact's types tie the allowed attributes to a literal type. */}
      {type === 'password' ? (
        <input id={name} name={name} type="password" autocomplete={autocomplete} spellcheck={false} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />
      ) : (
        <input id={name} name={name} type="email" autocomplete={autocomplete} value={value} spellcheck={false} aria-describedby={describedBy} aria-invalid={error ? 'true' : undefined} />
      )}
    </div>
  );
}
