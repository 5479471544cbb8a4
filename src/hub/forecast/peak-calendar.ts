// The calendar of known peaks (Hajj, the Umrah season, Ramadan, holidays) as
// data a person can edit: eight weeks of history cannot hold last year's
// Hajj, so the forecaster is told. Each peak multiplies the expected arrivals
// of the sites it names over its dates; the forecaster divides history inside
// a peak by the same factor before fitting, so a peak neither inflates the
// level after it nor is forgotten. The file's format is in docs/forecast.md;
// parsing reports the file and line of the first thing wrong, one line.
import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import type { Site } from '../../core/model.js';
import { SITE_KINDS } from '../../core/vocabulary.js';
import { fieldName, parseYamlSource } from '../playbooks/yaml-source.js';

const HOUR_MS = 3_600_000;
// Dates are days in Riyadh (UTC+3, no daylight saving), as a duty officer reads them.
const RIYADH_OFFSET_MS = 3 * HOUR_MS;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const day = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))
  .refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'a date, YYYY-MM-DD');

const Peak = z
  .object({
    name: z.string().min(1).max(120),
    from: day,
    to: day,
    factor: z.number().positive().max(50),
    sites: z.array(z.string().min(1).max(64)).optional(),
    kinds: z.array(z.enum(SITE_KINDS)).optional(),
    regions: z.array(z.string().min(1).max(64)).optional(),
  })
  .strict()
  .refine((p) => p.from <= p.to, { message: '`to` is before `from`', path: ['to'] });

const CalendarFile = z.object({ peaks: z.array(Peak).max(1000) }).strict();

export interface Peak {
  name: string;
  /** First and last hour (since the epoch) the peak covers. */
  fromHour: number;
  toHour: number;
  factor: number;
  sites?: ReadonlySet<string>;
  kinds?: ReadonlySet<string>;
  regions?: ReadonlySet<string>;
}

export interface PeakCalendar {
  /** Where it was read from, for messages. */
  source: string;
  peaks: readonly Peak[];
}

const upper = (list: readonly string[] | undefined) => (list ? new Set(list.map((s) => s.toUpperCase())) : undefined);

/** The calendar in `text` (YAML or JSON); ConfigError naming `source` and the line of the first problem. */
export function parsePeakCalendar(text: string, source: string): PeakCalendar {
  const yaml = parseYamlSource(text);
  const syntax = yaml.problems[0];
  if (syntax) throw new ConfigError(`peak calendar ${source}${syntax.line ? `:${syntax.line}` : ''}: ${syntax.message}`);
  const parsed = CalendarFile.safeParse(yaml.value ?? { peaks: [] });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const line = yaml.lineOf(path);
    throw new ConfigError(`peak calendar ${source}${line ? `:${line}` : ''}: ${fieldName(path) || 'the file'}: ${issue.message}`, {
      hint: 'each peak has name, from, to (YYYY-MM-DD, days in Riyadh), factor, and optionally sites, kinds, regions; see docs/forecast.md',
    });
  }
  const peaks = parsed.data.peaks.map((p) => ({
    name: p.name,
    fromHour: Math.floor((Date.parse(`${p.from}T00:00:00Z`) - RIYADH_OFFSET_MS) / HOUR_MS),
    toHour: Math.floor((Date.parse(`${p.to}T00:00:00Z`) - RIYADH_OFFSET_MS) / HOUR_MS) + 23,
    factor: p.factor,
    ...(p.sites ? { sites: upper(p.sites) } : {}),
    ...(p.kinds ? { kinds: new Set<string>(p.kinds) } : {}),
    ...(p.regions ? { regions: upper(p.regions) } : {}),
  }));
  return { source, peaks };
}

export const appliesTo = (peak: Peak, site: Pick<Site, 'id' | 'kind' | 'region'>): boolean =>
  (!peak.sites || peak.sites.has(site.id.toUpperCase())) && (!peak.kinds || peak.kinds.has(site.kind)) && (!peak.regions || peak.regions.has(site.region.toUpperCase()));

/** The site's peaks, and for any hour the product of the factors of those covering it (1 outside every peak). */
export function peaksFor(calendar: PeakCalendar, site: Pick<Site, 'id' | 'kind' | 'region'>) {
  const mine = calendar.peaks.filter((p) => appliesTo(p, site));
  const at = (hour: number) => mine.filter((p) => hour >= p.fromHour && hour <= p.toHour);
  return {
    factor: (hour: number) => at(hour).reduce((f, p) => f * p.factor, 1),
    names: (hour: number) => at(hour).map((p) => p.name),
  };
}
