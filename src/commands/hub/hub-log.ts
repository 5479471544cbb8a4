// `hub start --log-format json`: each line the hub logs as one JSON object, for
// log shippers. The hub has already redacted the line (hub/start.ts), so no
// secret reaches this; JSON.stringify escapes the control characters outside
// text may carry. No level: the hub's lines carry none to report honestly.
export function hubLogLine(message: string, now: Date): string {
  return JSON.stringify({ time: now.toISOString(), msg: message });
}
