/** Renders a typed content table (columns with units, bilingual cells) as an accessible HTML table. */
import type { ContentTable } from '../index.js';
import type { Lang } from '../../../platform/i18n/i18n.js';

type Cell = ContentTable['rows'][number][string];

/** Decimal places of the most precise number in a column, so 3.10 shows as printed beside 2.74, not as 3.1. */
function columnDecimals(table: ContentTable, key: string): number {
  let decimals = 0;
  for (const row of table.rows) {
    const cell = row[key];
    if (typeof cell === 'number') decimals = Math.max(decimals, (String(cell).split('.')[1] ?? '').length);
  }
  return Math.min(decimals, 4);
}

export function cellText(cell: Cell | undefined, lang: Lang, decimals = 0): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'number') return cell.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en', { minimumFractionDigits: decimals, maximumFractionDigits: 4 });
  if (typeof cell === 'string') return cell;
  return cell[lang];
}

export function DataTable({ table, lang }: { table: ContentTable; lang: Lang }) {
  const columns = table.columns.filter((c) => !c.hidden);
  const decimals = new Map(columns.map((c) => [c.key, c.type === 'text' ? 0 : columnDecimals(table, c.key)]));
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
                  <th scope="row">{cellText(row[column.key], lang, decimals.get(column.key))}</th>
                ) : (
                  <td class={column.type !== 'text' ? 'num' : undefined}>{cellText(row[column.key], lang, decimals.get(column.key))}</td>
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
