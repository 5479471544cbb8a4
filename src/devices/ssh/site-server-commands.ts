// What diagnostics may run on a site's Linux servers over SSH. Probes for the
// server faults the fleet sees (disk full, service crashed, clock skew,
// expired certificate) and the remediations for them. Adding a command here
// is the only way to let the hub run something new on a server.
import type { CommandTable, PatternParam } from './command-allow-list.js';

// systemd unit names: letters, digits and @._- (no slashes, no spaces).
const SERVICE: PatternParam = { type: 'pattern', pattern: /^[a-z0-9@._-]+$/, maxLength: 128 };

// A certificate under /etc or /opt, no "..", no shell-special characters.
const CERTIFICATE_PATH: PatternParam = {
  type: 'pattern',
  pattern: /^\/(etc|opt)\/(?!.*\.\.)[A-Za-z0-9._/-]+$/,
  maxLength: 256,
};

export const SITE_SERVER_COMMANDS = {
  'disk-usage': {
    summary: 'free space on /var, where logs and queues grow',
    effect: 'read',
    argv: ['df', '-P', '/var'],
  },
  'service-status': {
    summary: 'whether a systemd service is active',
    effect: 'read',
    argv: ['systemctl', 'is-active', { param: 'service' }],
    params: { service: SERVICE },
  },
  'service-logs': {
    summary: "the last lines of a service's journal",
    effect: 'read',
    argv: ['journalctl', '--no-pager', '--output=short-iso', '-u', { param: 'service' }, '-n', { param: 'lines' }],
    params: { service: SERVICE, lines: { type: 'integer', min: 1, max: 1000 } },
  },
  'clock-status': {
    summary: 'whether the clock is NTP-synchronised',
    effect: 'read',
    argv: ['timedatectl', 'show', '--property=NTPSynchronized', '--property=TimeUSec'],
  },
  'certificate-expiry': {
    summary: 'when a certificate expires',
    effect: 'read',
    argv: ['openssl', 'x509', '-noout', '-enddate', '-in', { param: 'path' }],
    params: { path: CERTIFICATE_PATH },
  },
  uptime: {
    summary: 'uptime and load',
    effect: 'read',
    argv: ['uptime'],
  },
  'service-restart': {
    summary: 'restart a systemd service',
    effect: 'change',
    argv: ['systemctl', 'restart', { param: 'service' }],
    params: { service: SERVICE },
    timeoutMs: 60_000,
  },
  'journal-vacuum': {
    summary: 'shrink the systemd journal to free disk space',
    effect: 'change',
    argv: ['journalctl', '--vacuum-size=200M'],
    timeoutMs: 60_000,
  },
  'clock-resync': {
    summary: 'step the clock to NTP time now',
    effect: 'change',
    argv: ['chronyc', 'makestep'],
  },
} as const satisfies CommandTable;

export type SiteServerCommand = keyof typeof SITE_SERVER_COMMANDS;
