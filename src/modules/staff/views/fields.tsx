/** A text input with its label, hint and error message (GOV.UK pattern: the message sits above the input). */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { Field, describedBy } from './admin-shared.js';

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
  const described = describedBy(name, Boolean(hint), error);
  return (
    <Field lang={lang} name={name} label={label} hint={hint} error={error}>
      {/* One element per type: preact's types tie the allowed attributes to a literal type. */}
      {type === 'password' ? (
        <input id={name} name={name} type="password" autocomplete={autocomplete} spellcheck={false} aria-describedby={described} aria-invalid={error ? 'true' : undefined} />
      ) : (
        <input id={name} name={name} type="email" autocomplete={autocomplete} value={value} spellcheck={false} aria-describedby={described} aria-invalid={error ? 'true' : undefined} />
      )}
    </Field>
  );
}
