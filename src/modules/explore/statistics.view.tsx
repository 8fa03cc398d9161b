/** Statistics by group: a bar chart for each set of figures sharing a unit, and the full table with context. */
import type { Lang } from '../../platform/i18n/i18n.js';
import { t } from './messages.js';
import { bi, formatNumber, local, Section } from '../../platform/views/components.js';
import { DataNote } from '../../platform/views/sources.js';
import { barChartSvg } from '../../platform/views/charts.js';
import { STAT_GROUPS, displayValue, type Statistic } from '../content/index.js';

/** Groups a group's figures by unit; only units with two or more figures make a meaningful chart. */
export function chartableSets(stats: readonly Statistic[]): Statistic[][] {
  const byUnit = new Map<string, Statistic[]>();
  for (const s of stats) {
    const key = `${s.unit.en}|${s.year}`;
    byUnit.set(key, [...(byUnit.get(key) ?? []), s]);
  }
  return [...byUnit.values()].filter((set) => set.length >= 2).sort((a, b) => b.length - a.length).slice(0, 2);
}

export function StatisticValue({ stat, lang }: { stat: Statistic; lang: Lang }) {
  const shown = displayValue(stat, lang);
  return (
    <>
      <strong class="stat__value">{shown.value}</strong> <span class="stat__unit">{shown.unit}</span>
    </>
  );
}

export function StatisticGroups({ lang, stats }: { lang: Lang; stats: readonly Statistic[] }) {
  return (
    <>
      {STAT_GROUPS.map((group) => {
        const list = stats.filter((s) => s.group === group);
        if (list.length === 0) return null;
        return (
          <Section id={group} title={t(lang, `statistics.group.${group}`)}>
            {chartableSets(list).map((set) => {
              const title = `${t(lang, `statistics.group.${group}`)} — ${bi(set[0].unit, lang)} (${set[0].year})`;
              return (
                <figure class="chart">
                  <div class="chart__svg" dangerouslySetInnerHTML={{ __html: barChartSvg({ title, labels: set.map((s) => local(s, lang).label), values: set.map((s) => s.value), unit: bi(set[0].unit, lang) }) }} />
                  <figcaption>{title}</figcaption>
                </figure>
              );
            })}
            <div class="table-wrap" role="region" aria-label={t(lang, `statistics.group.${group}`)} tabindex={0}>
              <table class="data-table">
                <caption>{t(lang, 'statistics.tableCaption', { group: t(lang, `statistics.group.${group}`) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t(lang, 'statistics.indicator')}</th>
                    <th scope="col" class="num">{t(lang, 'statistics.value')}</th>
                    <th scope="col">{t(lang, 'statistics.change')}</th>
                    <th scope="col">{t(lang, 'statistics.year')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((s) => (
                    <tr id={`stat-${s.id}`}>
                      <th scope="row">
                        {local(s, lang).label}
                        {local(s, lang).context && <span class="stat__context">{local(s, lang).context}</span>}
                        {s.conflicts_with.length > 0 && <span class="tag tag--warning">{t(lang, 'statistics.conflict')}</span>}
                        <DataNote note={s.data_note} lang={lang} />
                      </th>
                      <td class="num">
                        <StatisticValue stat={s} lang={lang} />
                      </td>
                      <td>{bi(s.change, lang)}</td>
                      <td>{s.year}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </Section>
        );
      })}
    </>
  );
}
