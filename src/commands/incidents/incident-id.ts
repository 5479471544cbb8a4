// Incident ids as people type them: INC-000042, inc-42 or 42.
import { UsageError } from '../../core/errors.js';

export function normalizeIncidentId(text: string): string {
  const m = /^(?:inc-?)?0*(\d{1,9})$/i.exec(text.trim());
  if (!m) throw new UsageError(`not an incident id: ${text}`, { hint: 'write it as INC-000042, inc-42 or 42' });
  return `INC-${m[1]!.padStart(6, '0')}`;
}
