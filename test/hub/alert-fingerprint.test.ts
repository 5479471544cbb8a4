// The fingerprint is hashed over UTF-8 made on the fly (alert-fingerprint.ts):
// held here to the plain reading of prometheus/common — encode every name and
// value, sort the names as bytes, FNV-1a 64 with 0xff after each — over
// labels with non-ASCII, astral and lone-surrogate text and names whose UTF-16
// order differs from their byte order. Known values from a real Alertmanager
// are in alert-mapping.test.ts.
import { describe, expect, it } from 'vitest';
import { labelsFingerprint } from '../../src/hub/incidents/alert-fingerprint.js';

function reference(labels: Record<string, string>): string {
  const encoder = new TextEncoder();
  const names = Object.keys(labels).sort((a, b) => Buffer.compare(encoder.encode(a), encoder.encode(b)));
  let h = 0xcbf29ce484222325n;
  const add = (bytes: Uint8Array) => {
    for (const b of [...bytes, 0xff]) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  };
  for (const name of names) {
    add(encoder.encode(name));
    add(encoder.encode(labels[name]!));
  }
  return h.toString(16).padStart(16, '0');
}

describe('labelsFingerprint', () => {
  it.each([
    [{ alertname: 'GateDown', site: 'RUH' }],
    [{ 'بوابة': 'جدة', site: 'é' }],
    [{ emoji: '🛂 passport', zz: 'x' }],
    [{ lone: '\ud800 high', also: 'low \udc00' }],
    // Byte order puts U+FFFD before the astral 😀 (F0 9F…); UTF-16 puts the surrogate D83D first.
    [{ '\ufffd': 'replacement', '😀': 'astral', a: '' }],
    [{}],
  ])('matches the plain encoding for %j', (labels) => {
    expect(labelsFingerprint(labels)).toBe(reference(labels));
  });
});
