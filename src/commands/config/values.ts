// Checks a config value before it is stored, so a typo fails now and not at 3 a.m.
import { UsageError } from '../../core/errors.js';
import { redact } from '../../core/redact.js';
import type { ConfigKey } from './store.js';

export function validateConfigValue(key: ConfigKey, value: string): string {
  const v = value.trim();
  if (!v) throw new UsageError(`${key} cannot be empty`);
  if (key === 'hub' || key === 'sim') {
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      throw new UsageError(`${key} must be a URL, not ${redact(value)}`, { hint: 'e.g. http://127.0.0.1:7474' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${key} must be an http or https URL, not ${redact(value)}`);
    // Both take a bearer token (`token`, `simToken`), never a password: stored in the URL it would protect nothing.
    if (url.username || url.password) {
      throw new UsageError(`${key} must not carry a user name or password: ${redact(v)}`, { hint: `drop "user:password@"; the token goes in \`watchfloor config set ${key === 'hub' ? 'token' : 'simToken'} …\`` });
    }
    return v.replace(/\/+$/, '');
  }
  return v;
}
