// The hub flags a token near its expiry on every answer; a person at the CLI
// hears it once per command, on stderr, in time to ask for a new one.
import { formatWhen } from '../render/time.js';

export function tokenExpiryWarning(expiresAt: string, now: Date): string {
  return `warning: this API token expires at ${expiresAt} (${formatWhen(expiresAt, now, true)}); ask an admin for a new one before then`;
}

/** A callback that writes the warning the first time it is told, and never again. */
export function warnOnce(write: (line: string) => void, now: () => Date): (expiresAt: string) => void {
  let warned = false;
  return (expiresAt) => {
    if (warned) return;
    warned = true;
    write(tokenExpiryWarning(expiresAt, now()));
  };
}
