// The one rule for a profile's name, shared by every verb that names one.
import { UsageError } from '../../core/errors.js';

export function checkedProfileName(typed: string): string {
  const name = typed.trim();
  if (!/^[\w.-]+$/.test(name)) throw new UsageError(`not a profile name: ${typed}`, { hint: 'letters, digits, . _ and -' });
  return name;
}
