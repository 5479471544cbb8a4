// The CoreClient the CLI uses: channel 'cli' (the watch UI's: 'tui'), and short limits when a person
// is waiting mid-keystroke (shell completion).
import { CoreClient } from '../core/client.js';
import type { Connection } from './deps.js';

export function createCliClient({ hubUrl, token, timeoutMs, onTokenExpiry, channel = 'cli' }: Connection): CoreClient {
  return new CoreClient({
    hubUrl,
    token,
    channel,
    onTokenExpiry,
    ...(timeoutMs ? { connectTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs, getRetries: 0 } : {}),
  });
}
