// The CoreClient the CLI uses: channel 'cli', and short limits when a person
// is waiting mid-keystroke (shell completion).
import { CoreClient } from '../core/client.js';
import type { Connection } from './deps.js';

export function createCliClient({ hubUrl, token, timeoutMs, onTokenExpiry }: Connection): CoreClient {
  return new CoreClient({
    hubUrl,
    token,
    channel: 'cli',
    onTokenExpiry,
    ...(timeoutMs ? { connectTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs, getRetries: 0 } : {}),
  });
}
