// Reading a site server's tool output as the `server` checks, and the
// ssh:// managementUrl form. Pure: no server needed.
import { describe, expect, it } from 'vitest';
import { MemoryActionLedger } from '../../src/devices/memory-action-ledger.js';
import {
  clockSkewMs,
  parseDfUsedPct,
  parseNotAfter,
  parseTimeUSec,
  serverHealth,
  type Reading,
} from '../../src/devices/ssh/server-readings.js';
import { parseSshManagementUrl } from '../../src/devices/ssh/management-url.js';
import type { CommandResult } from '../../src/devices/ssh/ssh-transport.js';
import { TransportTimeoutError } from '../../src/devices/errors.js';

const NOW = Date.UTC(2026, 10, 29, 8, 0, 0);
const PIN = 'SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s+/x';

function ok(command: string, stdout: string, exitCode = 0): Reading {
  const result: CommandResult = { command, argv: [command], exitCode, signal: null, stdout, stderr: '', stdoutTruncated: false, stderrTruncated: false, durationMs: 5 };
  return { result, fromMs: NOW - 50, toMs: NOW };
}

const DF = (pct: number) => `Filesystem     1024-blocks     Used Available Capacity Mounted on\n/dev/vda2 20466256 1 2 ${pct}% /var\n`;
const CLOCK = (time: string, synced = 'yes') => `NTPSynchronized=${synced}\nTimeUSec=${time}\n`;

function readings(over: Partial<{ service: Reading; disk: Reading; clock: Reading; certificate: Reading }> = {}) {
  return {
    service: { unit: 'gate', reading: over.service ?? ok('systemctl', 'active\n') },
    disk: over.disk ?? ok('df', DF(40)),
    clock: over.clock ?? ok('timedatectl', CLOCK('Sun 2026-11-29 08:00:00 UTC')),
    certificate: { path: '/etc/tls.pem', reading: over.certificate ?? ok('openssl', 'notAfter=Jan  1 00:00:00 2027 GMT\n') },
  };
}

describe('server tool output', () => {
  it('df -P: the Capacity column', () => {
    expect(parseDfUsedPct(DF(97))).toBe(97);
    expect(parseDfUsedPct('Filesystem 1024-blocks Used Available Capacity Mounted on\n')).toBeUndefined();
  });

  it('timedatectl TimeUSec: UTC, numeric zones and fractions; ambiguous zone names are not guessed', () => {
    expect(parseTimeUSec('Sun 2026-11-29 08:00:00 UTC')).toEqual({ ms: NOW, resolutionMs: 1000 });
    expect(parseTimeUSec('Sun 2026-11-29 11:00:00 +03')).toEqual({ ms: NOW, resolutionMs: 1000 });
    expect(parseTimeUSec('Sun 2026-11-29 08:00:00.250000 UTC')).toEqual({ ms: NOW + 250, resolutionMs: 1 });
    expect(parseTimeUSec('Sun 2026-11-29 08:00:00 CST')).toBeUndefined();
  });

  it('clock skew: the gap between the server reading and the hub window, never the round trip', () => {
    const at = (ms: number) => ({ ms, resolutionMs: 1000 });
    expect(clockSkewMs(at(NOW - 900), NOW - 50, NOW)).toBe(0);
    expect(clockSkewMs(at(NOW + 5_000), NOW - 50, NOW)).toBe(5_000);
    expect(clockSkewMs(at(NOW - 10_000), NOW - 50, NOW)).toBe(-8_950);
  });

  it('openssl notAfter', () => {
    expect(parseNotAfter('notAfter=Jan  1 00:00:00 2027 GMT')).toBe(Date.UTC(2027, 0, 1));
    expect(parseNotAfter('notAfter=Dec 31 23:59:59 2026 GMT\n')).toBe(Date.UTC(2026, 11, 31, 23, 59, 59));
    expect(parseNotAfter('unable to load certificate')).toBeUndefined();
  });
});

describe('serverHealth', () => {
  it('all well: ok, the five checks, the three metrics', () => {
    const { health, metrics } = serverHealth(readings(), NOW);
    expect(health.status).toBe('ok');
    expect(health.checks.map((c) => [c.name, c.status])).toEqual([
      ['service', 'pass'],
      ['disk', 'pass'],
      ['clock', 'pass'],
      ['certificate', 'pass'],
      ['power', 'pass'],
    ]);
    expect(metrics).toEqual({ diskUsedPct: 40, clockSkewMs: 0, certificateExpiresInDays: 32 });
  });

  it('the documented thresholds: disk ≥ 95, clock beyond 2 s, certificate ≤ 0 days; a failed service is down', () => {
    const { health, metrics } = serverHealth(
      readings({
        service: ok('systemctl', 'failed\n', 3),
        disk: ok('df', DF(95)),
        clock: ok('timedatectl', CLOCK('Sun 2026-11-29 07:59:55 UTC', 'no')),
        certificate: ok('openssl', 'notAfter=Nov 28 08:00:00 2026 GMT'),
      }),
      NOW,
    );
    expect(health.status).toBe('down');
    expect(health.checks.map((c) => c.status)).toEqual(['fail', 'fail', 'fail', 'fail', 'pass']);
    expect(health.checks[0]!.detail).toBe('gate is failed');
    expect(metrics).toMatchObject({ diskUsedPct: 95, certificateExpiresInDays: -1 });
    expect(metrics.clockSkewMs).toBeLessThan(-2000);
  });

  it('a command that could not run is a warn with the reason and leaves the rest standing', () => {
    const timedOut: Reading = {
      error: new TransportTimeoutError('clock-status did not finish within 10s', { transport: 'ssh', target: 'h:22', details: { command: 'clock-status' } }),
      fromMs: NOW,
      toMs: NOW,
    };
    const { health, metrics } = serverHealth(readings({ clock: timedOut, disk: ok('df', '', 127) }), NOW);
    expect(health.checks.find((c) => c.name === 'clock')).toMatchObject({ status: 'warn', detail: expect.stringContaining('could not run clock-status: timeout') });
    expect(health.checks.find((c) => c.name === 'disk')).toMatchObject({ status: 'warn', detail: 'df is not installed on the server' });
    expect(health.status).toBe('ok');
    expect(metrics).toEqual({ certificateExpiresInDays: 32 });
  });
});

describe('ssh:// managementUrl', () => {
  it('reads user, host, port and settings; a base64 pin keeps its + and /', () => {
    expect(parseSshManagementUrl(`ssh://ops@10.1.2.3:2222/?hostKey=${PIN}&service=border-gate&certificate=/etc/ssl/gate.pem`)).toEqual({
      host: '10.1.2.3',
      port: 2222,
      username: 'ops',
      hostKeyFingerprint: PIN,
      service: 'border-gate',
      certificate: '/etc/ssl/gate.pem',
    });
    expect(parseSshManagementUrl(`ssh://ops@[::1]/?hostKey=${encodeURIComponent(PIN)}&service=x`)).toMatchObject({ host: '::1', port: 22, hostKeyFingerprint: PIN, certificate: undefined });
  });

  it.each([
    ['http://h/?hostKey=x&service=y', 'scheme'],
    [`ssh://h/?hostKey=${PIN}&service=y`, 'no user'],
    ['ssh://u@h/?service=y', 'no hostKey'],
    [`ssh://u@h/?hostKey=${PIN}`, 'no service'],
    [`ssh://u@h/?hostKey=${PIN}&service=y&cmd=rm`, 'unknown parameter'],
    [`ssh://u:pw@h/?hostKey=${PIN}&service=y`, 'passwords'],
  ])('refuses %s (%s)', (url, why) => {
    expect(() => parseSshManagementUrl(url)).toThrow(expect.objectContaining({ code: 'bad_argument', message: expect.stringContaining(why) }));
  });
});

describe('an ssh:// managementUrl with a password', () => {
  it('is refused without quoting the password (findings and work orders show the message)', () => {
    let error: (Error & { target?: string }) | undefined;
    try {
      parseSshManagementUrl(`ssh://root:toor-77@10.1.2.3/?hostKey=${PIN}&service=y`);
    } catch (e) {
      error = e as Error & { target?: string };
    }
    expect(error).toMatchObject({ code: 'bad_argument', message: expect.stringContaining('ssh://root:****@10.1.2.3') });
    expect(`${error?.message} ${error?.target}`).not.toContain('toor-77');
  });
});

describe('MemoryActionLedger', () => {
  it('a key seen runs nothing and replays; a failed attempt is forgotten so the retry runs', async () => {
    const ledger = new MemoryActionLedger();
    let runs = 0;
    const act = async () => ({ action: 'restart-service', status: 'done' as const, replayed: false, message: `run ${++runs}` });
    const [a, b] = await Promise.all([ledger.once('RUH/s', 'k', act), ledger.once('ruh/s', 'k', act)]);
    expect([a.replayed, b.replayed, b.message, runs]).toEqual([false, true, 'run 1', 1]);
    expect((await ledger.once('RUH/other', 'k', act)).replayed).toBe(false);

    await expect(ledger.once('RUH/s', 'k2', () => Promise.reject(new Error('lost')))).rejects.toThrow('lost');
    expect((await ledger.once('RUH/s', 'k2', act)).replayed).toBe(false);
  });

  it('forgets keys after the TTL', async () => {
    let now = 0;
    const ledger = new MemoryActionLedger({ ttlMs: 1000, now: () => now });
    const act = async () => ({ action: 'x', status: 'done' as const, replayed: false });
    await ledger.once('a', 'k', act);
    now = 999;
    expect((await ledger.once('a', 'k', act)).replayed).toBe(true);
    now = 1000;
    expect((await ledger.once('a', 'k', act)).replayed).toBe(false);
  });
});
