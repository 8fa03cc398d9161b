/** Renders a typed content table (columns with units, bilingual cells) as an accessible HTML table. */
import type { ContentTable } from '../../modules/content/index.js';
import type { Lang } from '../i18n/i18n.js';
import { formatNumber } from './components.js';

type Cell = ContentTable['rows'][number][string];

export function cellText(cell: Cell | undefined, lang: Lang): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'number') return formatNumber(cell, lang);
  if (typeof cell === 'string') return cell;
  return cell[lang];
}

export function DataTable({ table, lang }: { table: ContentTable; lang: Lang }) {
  const columns = table.columns.filter((c) => !c.hidden);
  return (
    <div class="table-wrap" role="region" aria-label={table[lang].caption} tabindex={0}>
      <table class="data-table" id={`table-${table.id}`}>
        <caption>{table[lang].caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" class={column.type !== 'text' ? 'num' : undefined}>
                {column[lang]}
                {column.unit && <span class="unit"> ({column.unit[lang]})</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th scope="row">{cellText(row[column.key], lang)}</th>
                ) : (
                  <td class={column.type !== 'text' ? 'num' : undefined}>{cellText(row[column.key], lang)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {table.notes.length > 0 && (
        <ul class="table-notes">
          {table.notes.map((note) => (
            <li>{note[lang]}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
