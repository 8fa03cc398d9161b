/** The units a case has had (with their own clocks), its linked duplicates and its attachments. */
import { urls } from '../../../platform/http/urls.js';
import { htmlLang } from '../../../platform/i18n/i18n.js';
import { unitSla } from '../case-sla.js';
import { t } from '../messages.js';
import { shortInstant, statusLabel } from './case-labels.js';
import type { CasePageModel } from './case-page-model.js';
import { SlaBadge } from './workbench-view.js';

export function CaseUnits({ model }: { model: CasePageModel }) {
  const { lang, row, now } = model;
  return (
    <section aria-labelledby="units-title">
      <h2 id="units-title">{t(lang, 'casePage.units')}</h2>
      {model.units.length === 0 ? (
        <p>{t(lang, 'casePage.units.none')}</p>
      ) : (
        <div class="table-wrap">
          <table class="data-table">
            <thead>
              <tr>
                <th scope="col">{t(lang, 'casePage.units.unit')}</th>
                <th scope="col">{t(lang, 'casePage.units.role')}</th>
                <th scope="col">{t(lang, 'casePage.units.assigned')}</th>
                <th scope="col">{t(lang, 'casePage.units.signed')}</th>
                <th scope="col">{t(lang, 'casePage.units.due')}</th>
              </tr>
            </thead>
            <tbody>
              {model.units.map((unit) => {
                const sla = unitSla(unit, row, now);
                return (
                  <tr class={unit.returned_at ? 'case-unit--returned' : undefined}>
                    <th scope="row">
                      {lang === 'zh' ? unit.name_zh : unit.name_en}
                      {unit.returned_at && (
                        <span class="case-table__sub">
                          {t(lang, 'casePage.units.returned', { date: shortInstant(lang, unit.returned_at), reason: unit.return_reason ?? '' })}
                        </span>
                      )}
                    </th>
                    <td>{t(lang, unit.role === 'lead' ? 'casePage.units.lead' : 'casePage.units.co')}</td>
                    <td>{shortInstant(lang, unit.assigned_at)}</td>
                    <td>{unit.signed_at ? `${shortInstant(lang, unit.signed_at)}${unit.handler_name ? ` · ${unit.handler_name}` : ''}` : t(lang, 'casePage.units.notSigned')}</td>
                    <td>
                      {unit.due_at ? shortInstant(lang, unit.due_at) : '—'} {sla && <SlaBadge lang={lang} sla={sla} />}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function CaseDuplicates({ model }: { model: CasePageModel }) {
  const { lang } = model;
  const { original, copies } = model.duplicates;
  if (!original && copies.length === 0) return null;
  const item = (linked: NonNullable<typeof original>) => (
    <li>
      <a href={urls.staffCase(lang, linked.reference)}>{linked.reference}</a> <span lang={htmlLang(linked.lang)}>{linked.subject}</span> ({statusLabel(lang, linked.status)})
    </li>
  );
  return (
    <section aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{t(lang, 'casePage.duplicates')}</h2>
      {original && (
        <>
          <p>{t(lang, 'casePage.duplicates.of')}</p>
          <ul>{item(original)}</ul>
        </>
      )}
      {copies.length > 0 && (
        <>
          <p>{t(lang, 'casePage.duplicates.copies')}</p>
          <ul>{copies.map(item)}</ul>
        </>
      )}
    </section>
  );
}

const sizeFormat = { en: new Intl.NumberFormat('en', { maximumFractionDigits: 1 }), zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 }) };

export function CaseAttachments({ model }: { model: CasePageModel }) {
  const { lang } = model;
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">{t(lang, 'casePage.attachments')}</h2>
      {model.attachments === null ? (
        <p class="case-hidden">{t(lang, 'casePage.hiddenConfidential')}</p>
      ) : model.attachments.length === 0 ? (
        <p>{t(lang, 'casePage.attachments.none')}</p>
      ) : (
        <ul class="case-attachments">
          {model.attachments.map((a) => (
            <li>
              {model.attachmentUrl ? <a href={model.attachmentUrl(a.id)}>{a.filename}</a> : a.filename}{' '}
              <span class="muted">
                {t(lang, 'casePage.attachments.meta', {
                  type: a.content_type === 'application/pdf' ? 'PDF' : a.content_type === 'image/png' ? 'PNG' : 'JPEG',
                  size: sizeFormat[lang].format(a.size_bytes / 1024),
                  date: shortInstant(lang, a.uploaded_at),
                  by: t(lang, a.uploaded_by === 'enterprise' ? 'caseStaff.actor.enterprise' : 'caseStaff.actor.staff'),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
