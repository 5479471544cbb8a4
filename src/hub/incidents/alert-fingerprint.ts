// The fingerprint Alertmanager gives an alert (prometheus/common's
// LabelSet.Fingerprint: FNV-1a 64 over the label names in byte order, each
// name and value followed by 0xff, as 16 hex digits). Senders that send no
// fingerprint (Prometheus straight to POST /api/v2/alerts) get this one, so
// the same alert arriving straight from Prometheus and relayed by an
// Alertmanager's webhook dedupes onto one incident.

// 64-bit arithmetic in two 32-bit halves: a BigInt per byte would cost the intake a few µs an alert.
const OFFSET_HI = 0xcbf29ce4;
const OFFSET_LO = 0x84222325;
const PRIME_LO = 0x1b3; // the FNV-64 prime is 2^40 + 0x1b3
const SEPARATOR = 0xff;
const encoder = new TextEncoder();

export function labelsFingerprint(labels: Readonly<Record<string, string>>): string {
  const names = Object.keys(labels).map((name) => ({ name, bytes: encoder.encode(name) }));
  // Go sorts label names as byte strings; UTF-16 order differs past the BMP.
  names.sort((a, b) => Buffer.compare(a.bytes, b.bytes));
  let hi = OFFSET_HI;
  let lo = OFFSET_LO;
  const add = (byte: number) => {
    lo = (lo ^ byte) >>> 0;
    const low = lo * PRIME_LO; // < 2^41: exact in a double
    hi = (Math.imul(hi, PRIME_LO) + Math.floor(low / 0x1_0000_0000) + (lo << 8)) >>> 0;
    lo = low >>> 0;
  };
  for (const { name, bytes } of names) {
    for (const b of bytes) add(b);
    add(SEPARATOR);
    for (const b of encoder.encode(labels[name]!)) add(b);
    add(SEPARATOR);
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}
