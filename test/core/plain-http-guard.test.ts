// Which hosts a token may reach over plain HTTP: loopback only, unless --insecure.
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, refusePlainHttpToken } from '../../src/core/plain-http-guard.js';

describe('the plain-HTTP token guard', () => {
  it('knows loopback from everything else', () => {
    for (const h of ['localhost', 'LOCALHOST', 'hub.localhost', '127.0.0.1', '127.9.9.9', '[::1]', '::1', '::ffff:127.0.0.1']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['10.0.0.1', '192.0.2.10', '128.0.0.1', 'hub.example.org', 'localhost.example.org', '[::2]', '::ffff:10.0.0.1', '0.0.0.0']) expect(isLoopbackHost(h), h).toBe(false);
  });

  it('refuses a token over http:// off this machine; https, loopback, no token or --insecure pass', () => {
    expect(() => refusePlainHttpToken('http://10.1.2.3:7474', 'wf_secret', false)).toThrow('refusing to send the API token over plain HTTP to http://10.1.2.3:7474');
    expect(() => refusePlainHttpToken('http://[fd00::1]:7474/base', 'wf_secret', false)).toThrow(/plain HTTP/);
    expect(() => refusePlainHttpToken('https://10.1.2.3:7474', 'wf_secret', false)).not.toThrow();
    expect(() => refusePlainHttpToken('http://127.0.0.1:7474', 'wf_secret', false)).not.toThrow();
    expect(() => refusePlainHttpToken('http://10.1.2.3:7474', undefined, false)).not.toThrow();
    expect(() => refusePlainHttpToken('http://10.1.2.3:7474', 'wf_secret', true)).not.toThrow();
  });
});
