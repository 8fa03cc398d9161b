/** Pieces the report pages share: a chart (an SVG image with its caption), a scrollable table frame, a count as a link. */
import type { ComponentChildren } from 'preact';
import type { Lang } from '../../../platform/i18n/i18n.js';
import { formatNumber } from '../../../platform/views/components.js';

/** A server-rendered chart; its numbers are in the table that follows it on the page. */
export function Chart({ svg, caption }: { svg: string; caption: string }) {
  return (
    <figure class="chart">
      <div class="chart__svg" dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/** A table that may scroll sideways on a narrow screen: a labelled, focusable region, so keyboards can scroll it. */
export function TableFrame({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  );
}

/** A count that leads to the cases behind it (a zero is plain text: there is nothing to list). */
export function Count({ lang, n, href }: { lang: Lang; n: number; href?: string }) {
  const text = formatNumber(n, lang);
  return href && n > 0 ? <a href={href}>{text}</a> : <>{text}</>;
}
