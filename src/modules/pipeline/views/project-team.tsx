/**
 * The project's team (commissioner, district lead, municipal verifier) and, for the municipal side and the district's
 * officer, the forms that change it: add a suitable active account in a role, or take someone off.
 */
import { urls } from '../../../platform/http/urls.js';
import { StaffField, describedBy } from '../../staff/index.js';
import { fieldLabel, t } from '../messages.js';
import { tProject } from '../messages.project.js';
import type { ProjectPageModel } from '../project-page.load.js';
import { TEAM_ROLES } from '../stage-rules.js';
import { ProjectTeamList } from './project-facts.js';

function TeamForm({ model }: { model: ProjectPageModel }) {
  const { lang, project, teamForm } = model;
  if (!teamForm) return null;
  const error = (field: string) => teamForm.errors.find((e) => e.field === `team-${field}`)?.message;
  const aria = (field: string) => ({ 'aria-describedby': describedBy(`team-${field}`, false, error(field)), 'aria-invalid': error(field) ? ('true' as const) : undefined });
  return (
    <details class="case-action project-team-form" id="team" open={teamForm.open}>
      <summary>{tProject(lang, 'pipeline.project.team.add')}</summary>
      <form method="post" action={urls.staffProjectTeam(lang, project.reference)} class="staff-form" novalidate>
        <input type="hidden" name="_csrf" value={model.csrf} />
        <StaffField lang={lang} name="team-role" label={fieldLabel(lang, 'role')} error={error('role')}>
          <select id="team-role" name="role" {...aria('role')}>
            {TEAM_ROLES.map((role) => (
              <option value={role} selected={teamForm.values.role === role}>
                {t(lang, `pipeline.team.${role}`)}
              </option>
            ))}
          </select>
        </StaffField>
        <StaffField lang={lang} name="team-staff_user_id" label={fieldLabel(lang, 'staff_user_id')} error={error('staff_user_id')}>
          <select id="team-staff_user_id" name="staff_user_id" {...aria('staff_user_id')}>
            <option value="">{tProject(lang, 'pipeline.project.choice.choose')}</option>
            {TEAM_ROLES.map((role) =>
              teamForm.candidates[role].length ? (
                <optgroup label={t(lang, `pipeline.team.${role}`)}>
                  {teamForm.candidates[role].map((person) => (
                    <option value={person.id} selected={teamForm.values.staff_user_id === person.id && teamForm.values.role === role}>
                      {person.name}
                    </option>
                  ))}
                </optgroup>
              ) : null,
            )}
          </select>
        </StaffField>
        <button type="submit" class="button button--secondary">
          {tProject(lang, 'pipeline.project.team.submit')}
        </button>
      </form>
    </details>
  );
}

export function ProjectTeam({ model }: { model: ProjectPageModel }) {
  const { lang, project, team, teamForm } = model;
  return (
    <section aria-labelledby="team-title">
      <h2 id="team-title">{tProject(lang, 'pipeline.project.team')}</h2>
      {teamForm && team.length > 0 ? (
        <ul class="project-team">
          {team.map((member) => (
            <li>
              {member.name} — {t(lang, `pipeline.team.${member.role}`)}{' '}
              <form method="post" action={urls.staffProjectTeam(lang, project.reference)} class="inline-form">
                <input type="hidden" name="_csrf" value={model.csrf} />
                <input type="hidden" name="role" value={member.role} />
                <input type="hidden" name="staff_user_id" value={member.staff_user_id} />
                <input type="hidden" name="remove" value="yes" />
                <button type="submit" class="button button--secondary button--small">
                  {tProject(lang, 'pipeline.project.team.remove', { name: member.name })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <ProjectTeamList model={model} />
      )}
      <TeamForm model={model} />
    </section>
  );
}
