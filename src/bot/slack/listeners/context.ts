// What every listener works with: who is asking, where work runs after the
// ack, and where failures nobody in Slack sees are logged.
import type { AfterAck } from '../after-ack.js';
import type { SessionFor } from '../slack-session.js';

export interface ListenerContext {
  sessionFor: SessionFor;
  later: AfterAck;
  log(line: string): void;
}
