// The site inventory as a table.
import type { Site } from '../core/model.js';
import { labelsForView } from './labels.js';
import { createStyle } from './style.js';
import { renderTable } from './table.js';
import type { RenderContext } from './view.js';

export function renderSiteTable(sites: Site[], ctx: RenderContext): string {
  const l = labelsForView(ctx);
  const wide = ctx.wide === true;
  return renderTable(
    {
      columns: [
        { header: l.header('site') },
        { header: l.header('name'), flex: true },
        { header: l.header('kind') },
        { header: l.header('region'), flex: true },
        { header: l.header('city'), flex: true },
        { header: l.header('staff'), align: 'right' },
        // -o wide: after the usual six, so piped fields keep their places.
        ...(wide
          ? [
              { header: l.header('nameAr'), flex: true },
              { header: l.header('coordinates') },
              { header: l.header('neighbour') },
              { header: l.header('passengers'), align: 'right' as const },
            ]
          : []),
      ],
      rows: sites.map((s) => [
        s.id,
        l.siteName(s.name),
        l.kind(s.kind),
        l.region(s.region),
        l.city(s),
        String(s.staff),
        ...(wide ? [s.name.ar, `${s.lat},${s.lon}`, s.neighbour ?? '-', s.annualPassengers === null ? '-' : String(s.annualPassengers)] : []),
      ]),
    },
    { tty: ctx.tty, width: ctx.width, header: createStyle(ctx.color).bold },
  );
}
