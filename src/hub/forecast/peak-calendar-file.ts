// Where the peak calendar is read from: the file named at start
// (`hub start --peaks FILE`), else peaks.yaml beside the hub's data file,
// else the package's forecast/peaks.yaml. It is looked at again at each
// forecast, so an edit counts from the next one without a restart (parsed
// again only when its size or modification time changed).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { packageRoot } from '../../core/package-root.js';
import { parsePeakCalendar, type PeakCalendar } from './peak-calendar.js';

export const PEAKS_FILE_NAME = 'peaks.yaml';
const MAX_BYTES = 1_000_000;

export function defaultPeakCalendarPath(): string {
  const root = packageRoot();
  if (!root) throw new ConfigError('cannot find the watchfloor package, and with it the default peak calendar');
  return join(root.dir, 'forecast', PEAKS_FILE_NAME);
}

/** The calendar's path for a hub: the flag's file, else one beside the data file, else the default. */
export function peakCalendarPath(options: { file?: string | undefined; dataFile: string }): string {
  if (options.file !== undefined) return options.file;
  const beside = join(dirname(options.dataFile), PEAKS_FILE_NAME);
  return existsSync(beside) ? beside : defaultPeakCalendarPath();
}

const parsed = new Map<string, { stamp: string; calendar: PeakCalendar }>();

export function readPeakCalendar(path: string): PeakCalendar {
  let text: string;
  let stamp: string;
  try {
    const stat = statSync(path);
    stamp = `${stat.size}:${stat.mtimeMs}:${stat.ino}`;
    const hit = parsed.get(path);
    if (hit?.stamp === stamp) return hit.calendar;
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read the peak calendar ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  if (text.length > MAX_BYTES) throw new ConfigError(`the peak calendar ${path} is over ${MAX_BYTES} bytes`);
  const calendar = parsePeakCalendar(text, path);
  parsed.set(path, { stamp, calendar });
  return calendar;
}

/** The calendar a hub forecasts with now: the one it was started with, else the package's. */
export const hubPeakCalendar = (ctx: { peakCalendarFile?: string | undefined }): PeakCalendar => readPeakCalendar(ctx.peakCalendarFile ?? defaultPeakCalendarPath());
