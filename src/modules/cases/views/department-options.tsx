/** The active departments as options of a select, one group per kind (and per district for district offices). */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import type { DispatchTarget } from '../workbench.queries.js';

function groupLabel(lang: Lang, target: DispatchTarget): string {
  if (target.kind === 'district' && target.district_id) return (lang === 'zh' ? target.district_zh : target.district_en) ?? target.district_id;
  return t(lang, `caseStaff.departmentKind.${target.kind}`);
}

export function DepartmentOptions({ lang, targets, selected }: { lang: Lang; targets: readonly DispatchTarget[]; selected: readonly string[] }) {
  // The query orders them by kind, district and name, so each group is a run of neighbours.
  const groups: { label: string; targets: DispatchTarget[] }[] = [];
  for (const target of targets) {
    const label = groupLabel(lang, target);
    const last = groups.at(-1);
    if (last && last.label === label) last.targets.push(target);
    else groups.push({ label, targets: [target] });
  }
  return (
    <>
      {groups.map((group) => (
        <optgroup label={group.label}>
          {group.targets.map((d) => (
            <option value={d.id} selected={selected.includes(d.id)}>
              {lang === 'zh' ? d.name_zh : d.name_en}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
