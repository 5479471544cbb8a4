// A parser for text/event-stream (the WHATWG server-sent-events format): feed
// it chunks as they arrive, it calls back once per complete event. Only the
// fields the hub sends matter here: id, event and data (comments are skipped).

export interface SseMessage {
  /** The `id:` field of this event, if it had one. */
  id: string | undefined;
  /** The `event:` field, `message` when absent (as in browsers). */
  event: string;
  /** The `data:` lines, joined with newlines. */
  data: string;
}

export class SseParser {
  private pending = '';
  private id: string | undefined;
  private event = '';
  private data: string[] = [];

  constructor(private readonly onMessage: (message: SseMessage) => void) {}

  push(chunk: string): void {
    this.pending += chunk;
    let end: number;
    while ((end = this.lineEnd()) >= 0) {
      const line = this.pending.slice(0, end);
      // A CRLF pair is one line break, not a line and an empty line.
      const skip = this.pending[end] === '\r' && this.pending[end + 1] === '\n' ? 2 : 1;
      this.pending = this.pending.slice(end + skip);
      this.line(line);
    }
  }

  private lineEnd(): number {
    const nl = this.pending.indexOf('\n');
    const cr = this.pending.indexOf('\r');
    // A lone CR at the very end may be the first half of CRLF: wait for more.
    if (cr >= 0 && (nl < 0 || cr < nl)) return cr === this.pending.length - 1 ? -1 : cr;
    return nl;
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.data.push(value);
    else if (field === 'event') this.event = value;
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }

  private dispatch(): void {
    if (this.data.length > 0) {
      this.onMessage({ id: this.id, event: this.event || 'message', data: this.data.join('\n') });
    }
    this.data = [];
    this.event = '';
    this.id = undefined;
  }
}
