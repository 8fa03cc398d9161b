/**
 * The import page's table of columns: each column's header in the page's language (and what else is accepted as its
 * header), whether it is required — always, from a stage on (from the stage rules), or for some statuses (from the
 * status rules) — and what values it takes, with the lists' labels and codes and the content's names and ids.
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import type { ContentStore } from '../../content/index.js';
import { IMPORT_COLUMNS, MAX_DISTRICT_REF, type ImportColumn } from '../import/import-columns.js';
import { t } from '../messages.js';
import { tImport } from '../messages.import.js';
import { LOSS_REASONS, PROJECT_KINDS, requirementsAt, SOURCE_KINDS, STAGES, STATUS_CHANGES, STATUSES, type EvidenceField } from '../stage-rules.js';

function requiredText(lang: Lang, column: ImportColumn): string {
  if (column.mandatory) return tImport(lang, 'pipeline.import.required.always');
  const fromStage = STAGES.find((stage) => requirementsAt(stage).includes(column.field as EvidenceField));
  if (fromStage) return tImport(lang, 'pipeline.import.required.fromStage', { stage: t(lang, `pipeline.stage.${fromStage}`) });
  const statuses = column.target === 'reason' ? STATUS_CHANGES.filter((c) => c.reasonRequired) : column.target === 'note' ? STATUS_CHANGES.filter((c) => c.noteRequired) : [];
  if (statuses.length) return tImport(lang, 'pipeline.import.required.status', { statuses: statuses.map((c) => t(lang, `pipeline.status.${c.to}`)).join(lang === 'zh' ? '、' : ', ') });
  return tImport(lang, 'pipeline.import.required.no');
}

const join = (lang: Lang, items: string[]) => items.join(lang === 'zh' ? '；' : '; ');

function listText(lang: Lang, labels: string[]): string {
  return tImport(lang, 'pipeline.import.values.list', { values: join(lang, labels) });
}

function valuesText(lang: Lang, column: ImportColumn, store: ContentStore): string {
  const labelled = <C extends string>(codes: readonly C[], label: (code: C) => string) => listText(lang, codes.map((code) => `${label(code)} (${code})`));
  const named = (items: readonly { id: string; en: { name: string }; zh: { name: string } }[]) => tImport(lang, 'pipeline.import.values.named', { values: join(lang, items.map((item) => `${item[lang].name} (${item.id})`)) });
  switch (column.cell) {
    case 'reference': return tImport(lang, 'pipeline.import.values.reference', { max: MAX_DISTRICT_REF });
    case 'kind': return labelled(PROJECT_KINDS, (c) => t(lang, `pipeline.kind.${c}`));
    // A project from a service-line case is made from the case's page, never imported.
    case 'source': return labelled(SOURCE_KINDS.filter((c) => c !== 'service_case'), (c) => t(lang, `pipeline.source.${c}`));
    case 'stage': return labelled(STAGES, (c) => t(lang, `pipeline.stage.${c}`));
    case 'status': return labelled(STATUSES, (c) => t(lang, `pipeline.status.${c}`));
    case 'reason': return labelled(LOSS_REASONS, (c) => t(lang, `pipeline.reason.${c}`));
    case 'district': return named(store.districts);
    case 'industry': return named(store.all('industries'));
    case 'ftz_cluster': return named(store.all('zones').filter((zone) => zone.zone_type === 'ftz_cluster'));
    case 'park': return tImport(lang, 'pipeline.import.values.park');
    case 'opportunity': return tImport(lang, 'pipeline.import.values.opportunity');
    default: return tImport(lang, `pipeline.import.values.${column.cell}`);
  }
}

export function ImportColumnsHelp({ lang, store }: { lang: Lang; store: ContentStore }) {
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  return (
    <section aria-labelledby="import-columns-title">
      <h2 id="import-columns-title">{tImport(lang, 'pipeline.import.columns.title')}</h2>
      <p>{tImport(lang, 'pipeline.import.columns.intro')}</p>
      <div class="table-wrap">
        <table class="data-table import-columns">
          <caption>{tImport(lang, 'pipeline.import.columns.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{tImport(lang, 'pipeline.import.columns.header')}</th>
              <th scope="col">{tImport(lang, 'pipeline.import.columns.otherHeader')}</th>
              <th scope="col">{tImport(lang, 'pipeline.import.columns.required')}</th>
              <th scope="col">{tImport(lang, 'pipeline.import.columns.values')}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMNS.map((column) => (
              <tr>
                <th scope="row">{column[lang]}</th>
                <td>
                  <span lang={other === 'zh' ? 'zh-CN' : 'en'}>{column[other]}</span>
                  {' · '}
                  <code>{column.key}</code>
                </td>
                <td>{requiredText(lang, column)}</td>
                <td>{valuesText(lang, column, store)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
