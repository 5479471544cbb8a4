// The chat-user → watchfloor identity map, read once at start. Without one,
// every chat user is an unmapped viewer: the bot can answer but nobody can act.
import { readFileSync } from 'node:fs';
import { UsageError } from '../core/errors.js';
import { parseIdentityMap, type IdentityMap } from './identity.js';

export function loadIdentityMap(file: string | undefined): IdentityMap {
  if (!file) return { users: {} };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read the identity map ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { cause: e });
  }
  return parseIdentityMap(text);
}
