// A device's output kept to a byte bound, so a device that floods its output
// cannot exhaust the hub's memory.
/** Text cut to a byte bound, and whether anything was cut. */
export interface BoundedText {
  text: string;
  truncated: boolean;
}

/**
 * Collects a stream's chunks up to `maxBytes` and counts the rest, so a device
 * that floods its output cannot exhaust the hub's memory.
 */
export class BoundedCollector {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  private seen = 0;

  constructor(private readonly maxBytes: number) {}

  push(chunk: Buffer): void {
    this.seen += chunk.length;
    const room = this.maxBytes - this.kept;
    if (room <= 0) return;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    this.chunks.push(part);
    this.kept += part.length;
  }

  result(): BoundedText {
    // A cut can split a UTF-8 sequence; drop the partial tail rather than
    // ending on a replacement character.
    let text = Buffer.concat(this.chunks).toString('utf8');
    const truncated = this.seen > this.kept;
    if (truncated) text = text.replace(/\uFFFD$/, '');
    return { text, truncated };
  }
}
