/**
 * Where the project stands on the way from lead to operating: an ordered list of the stages, each said in words to be
 * done, current or to come (not shown by colour alone), the current one also marked aria-current="step".
 */
import type { Lang } from '../../../platform/i18n/i18n.js';
import { t } from '../messages.js';
import { tProject } from '../messages.project.js';
import { stageIndex, STAGES, type Stage } from '../stage-rules.js';

export function StageProgress({ lang, stage }: { lang: Lang; stage: Stage }) {
  const here = stageIndex(stage);
  return (
    <ol class="stage-progress" aria-label={tProject(lang, 'pipeline.project.progress')}>
      {STAGES.map((s, i) => {
        const state = i < here ? 'done' : i === here ? 'current' : 'next';
        return (
          <li class={`stage-progress__step stage-progress__step--${state}`} aria-current={state === 'current' ? 'step' : undefined}>
            <span class="stage-progress__name">{t(lang, `pipeline.stage.${s}`)}</span>{' '}
            <span class="stage-progress__state">{tProject(lang, `pipeline.project.progress.${state}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
