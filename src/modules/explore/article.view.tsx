/** A narrative article from the guide: blocks of headings, paragraphs and bullets. */
import type { Lang } from '../../platform/i18n/i18n.js';
import { Bullets } from '../../platform/views/components.js';
import { DataNote } from '../../platform/views/sources.js';
import type { Article } from '../content/index.js';

export function ArticleBody({ article, lang }: { article: Article; lang: Lang }) {
  return (
    <div class="prose">
      {article.blocks.map((block) => {
        const text = block[lang];
        return (
          <>
            {text.heading && <h2>{text.heading}</h2>}
            {text.paragraphs.map((p) => (
              <p>{p}</p>
            ))}
            <Bullets items={text.bullets} />
          </>
        );
      })}
      <DataNote note={article.data_note} lang={lang} />
    </div>
  );
}
