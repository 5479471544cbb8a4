import { describe, expect, it } from 'vitest';
import { isWatchfloorError } from '../../src/core/errors.js';
import { BoundedCollector } from '../../src/devices/bounded-text.js';
import { TRANSPORT_ERROR_CLASSES, UnreachableError, isTransportError } from '../../src/devices/errors.js';
import { failureCode } from '../../src/core/json-http.js';

describe('transport errors', () => {
  it('each class carries its own stable code', () => {
    for (const [code, Cls] of Object.entries(TRANSPORT_ERROR_CLASSES)) {
      const error = new Cls('x', { transport: 'http', target: 'http://d' });
      expect(error.code).toBe(code);
      expect(error.name).toBe(Cls.name);
      expect(isTransportError(error)).toBe(true);
      expect(isWatchfloorError(error)).toBe(true);
    }
  });

  it('puts transport and target into the JSON details with the cause kept', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new UnreachableError('cannot reach', { transport: 'ssh', target: '10.0.0.5:22', cause, details: { reason: 'ECONNREFUSED' } });
    expect(error.cause).toBe(cause);
    expect(error.toJSON()).toEqual({
      code: 'unreachable',
      message: 'cannot reach',
      details: { transport: 'ssh', target: '10.0.0.5:22', reason: 'ECONNREFUSED' },
    });
  });
});

describe('failureCode', () => {
  it('finds a code along the cause chain, and names a signal timeout', () => {
    expect(failureCode(new Error('outer', { cause: Object.assign(new Error('inner'), { code: 'ECONNREFUSED' }) }))).toBe('ECONNREFUSED');
    expect(failureCode(new DOMException('aborted', 'TimeoutError'))).toBe('TimeoutError');
    expect(failureCode(new Error('plain'))).toBeUndefined();
  });
});

describe('BoundedCollector', () => {
  it('keeps whole input under the bound', () => {
    const c = new BoundedCollector(10);
    c.push(Buffer.from('abc'));
    c.push(Buffer.from('def'));
    expect(c.result()).toEqual({ text: 'abcdef', truncated: false });
  });

  it('cuts at the bound across chunks and says so', () => {
    const c = new BoundedCollector(5);
    c.push(Buffer.from('abc'));
    c.push(Buffer.from('defgh'));
    c.push(Buffer.from('ijk'));
    expect(c.result()).toEqual({ text: 'abcde', truncated: true });
  });

  it('drops a UTF-8 character split by the cut', () => {
    const c = new BoundedCollector(4);
    c.push(Buffer.from('abجواز')); // each Arabic letter is 2 bytes
    expect(c.result()).toEqual({ text: 'abج', truncated: true });
    const d = new BoundedCollector(3);
    d.push(Buffer.from('abج'));
    expect(d.result()).toEqual({ text: 'ab', truncated: true });
  });
});
