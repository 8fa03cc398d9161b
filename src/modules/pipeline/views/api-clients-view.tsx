/** The API clients' page (list, revoke, the form that adds one) and the page that shows a new client's token once. */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { urls } from '../../../platform/http/urls.js';
import { ErrorSummary, RowActionForm, type FieldError } from '../../../platform/views/forms.js';
import { describedBy, StaffField, StaffNotice, staffTimeFormat } from '../../staff/index.js';
import type { ApiClientRow } from '../api/api-clients.js';
import { tApi } from '../messages.api.js';

export interface ApiClientForm {
  name: string;
  staff_user_id: string;
}

export interface ApiClientsModel {
  lang: Lang;
  csrf: string;
  clients: ApiClientRow[];
  accounts: { id: string; name: string; email: string }[];
  form: ApiClientForm;
  errors: FieldError[];
  notice?: 'revoked';
}

function ClientsTable({ lang, csrf, clients }: Pick<ApiClientsModel, 'lang' | 'csrf' | 'clients'>) {
  if (!clients.length) return <p>{tApi(lang, 'pipeline.api.clients.none')}</p>;
  return (
    <div class="table-wrap">
      <table class="data-table">
        <caption>{tApi(lang, 'pipeline.api.clients.list')}</caption>
        <thead>
          <tr>
            <th scope="col">{tApi(lang, 'pipeline.api.clients.name')}</th>
            <th scope="col">{tApi(lang, 'pipeline.api.clients.account')}</th>
            <th scope="col">{tApi(lang, 'pipeline.api.clients.created')}</th>
            <th scope="col">{tApi(lang, 'pipeline.api.clients.revoked')}</th>
            <th scope="col">{tApi(lang, 'pipeline.api.clients.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((client) => (
            <tr id={`client-${client.id}`}>
              <th scope="row">{client.name}</th>
              <td>
                {client.accountName} <span class="hint">({client.accountEmail})</span>
              </td>
              <td>{staffTimeFormat[lang].format(client.createdAt)}</td>
              <td>{client.revokedAt ? staffTimeFormat[lang].format(client.revokedAt) : tApi(lang, 'pipeline.api.clients.active')}</td>
              <td>
                {!client.revokedAt && (
                  <RowActionForm action={urls.staffAdminApiClientRevoke(lang, client.id)} csrf={csrf} label={tApi(lang, 'pipeline.api.clients.revoke')} which={client.name} small />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewClientForm({ lang, csrf, accounts, form, errors }: Pick<ApiClientsModel, 'lang' | 'csrf' | 'accounts' | 'form' | 'errors'>) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form method="post" action={urls.staffAdminApiClients(lang)} novalidate>
      <input type="hidden" name="_csrf" value={csrf} />
      <StaffField lang={lang} name="name" label={tApi(lang, 'pipeline.api.clients.name')} hint={tApi(lang, 'pipeline.api.clients.new.name.hint')} error={errorOf('name')}>
        <input id="name" name="name" type="text" maxLength={200} value={form.name} required aria-describedby={describedBy('name', true, errorOf('name'))} aria-invalid={errorOf('name') ? 'true' : undefined} />
      </StaffField>
      <StaffField lang={lang} name="staff_user_id" label={tApi(lang, 'pipeline.api.clients.account')} hint={tApi(lang, 'pipeline.api.clients.new.account.hint')} error={errorOf('staff_user_id')}>
        <select id="staff_user_id" name="staff_user_id" required aria-describedby={describedBy('staff_user_id', true, errorOf('staff_user_id'))} aria-invalid={errorOf('staff_user_id') ? 'true' : undefined}>
          <option value="">{tApi(lang, 'pipeline.api.clients.new.account.choose')}</option>
          {accounts.map((account) => (
            <option value={account.id} selected={form.staff_user_id === account.id}>
              {account.name} ({account.email})
            </option>
          ))}
        </select>
      </StaffField>
      <button type="submit" class="button">
        {tApi(lang, 'pipeline.api.clients.new.submit')}
      </button>
    </form>
  );
}

export function ApiClientsView(model: ApiClientsModel) {
  const { lang } = model;
  return (
    <div class="staff-admin">
      {model.errors.length > 0 && <ErrorSummary lang={lang} errors={model.errors} />}
      {model.notice && <StaffNotice text={tApi(lang, 'pipeline.api.clients.notice.revoked')} />}
      <p>
        <a href={urls.staffHome(lang)}>{tApi(lang, 'pipeline.api.clients.home')}</a>
      </p>
      <h1>{tApi(lang, 'pipeline.api.clients.title')}</h1>
      <p class="lead">{tApi(lang, 'pipeline.api.clients.intro')}</p>
      <p>
        <a href={urls.apiDocs()}>{tApi(lang, 'pipeline.api.clients.docs')}</a>
      </p>
      <ClientsTable {...model} />
      <h2 id="new">{tApi(lang, 'pipeline.api.clients.new')}</h2>
      <NewClientForm {...model} />
    </div>
  );
}

/** The new client's token, on the page that answers its creation: never stored, logged or put in an address. */
export function ApiClientTokenView({ lang, name, token }: { lang: Lang; name: string; token: string }) {
  return (
    <div class="staff-admin">
      <h1>{tApi(lang, 'pipeline.api.clients.token.title', { name })}</h1>
      <div class="panel staff-notice" role="status">
        <p>{tApi(lang, 'pipeline.api.clients.token.once')}</p>
      </div>
      <p>
        <label for="token">{tApi(lang, 'pipeline.api.clients.token.label')}</label>
      </p>
      <p>
        <input id="token" type="text" readOnly value={token} size={50} aria-describedby="token-use" class="api-client-token" />
      </p>
      <p id="token-use" class="hint">
        {tApi(lang, 'pipeline.api.clients.token.use')}
      </p>
      <p>
        <a href={urls.staffAdminApiClients(lang)}>{tApi(lang, 'pipeline.api.clients.back')}</a>
      </p>
    </div>
  );
}
