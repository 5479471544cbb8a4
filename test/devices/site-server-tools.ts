// Stand-ins for a Linux site server's own tools (systemctl, journalctl,
// timedatectl, chronyc, openssl, df), put first on the PATH of a test sshd's
// sessions. They read and write small state files, so a test can stage a
// fault (a crashed service, a full disk, a skewed clock, an expired
// certificate) and see what the hub ran about it.
//
// df is a stand-in too: staging a genuinely full /var would need a loop
// mount (root, mount privileges) and would endanger the machine other tests
// share. The stand-ins print exactly what the real tools print, so the hub's
// parsing is tested on the real formats (its unit tests cover the variants).
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ServerState {
  /** What `systemctl is-active` prints. */
  service: 'active' | 'failed' | 'inactive' | 'activating';
  /** Whether `systemctl restart` brings the service back. */
  restartFixes: boolean;
  /** /var used %, as `df -P` shows it; a journal vacuum brings it to 41. */
  diskPct: number;
  /** Seconds the server clock is ahead of real time (negative: behind); `chronyc makestep` zeroes it. */
  skewSeconds: number;
  ntp: boolean;
  /** Days from now until the certificate's notAfter (negative: expired). */
  certificateDays: number;
}

export const HEALTHY: ServerState = { service: 'active', restartFixes: true, diskPct: 40, skewSeconds: 0, ntp: true, certificateDays: 200 };

const FILES: Record<keyof ServerState, string> = {
  service: 'service',
  restartFixes: 'restart-fixes',
  diskPct: 'disk',
  skewSeconds: 'skew',
  ntp: 'ntp',
  certificateDays: 'cert-days',
};

function scripts(state: string): Record<string, string> {
  // Every invocation is logged, so a test can tell exactly what ran.
  const prelude = `#!/bin/sh\nS='${state}'\necho "$(basename "$0") $*" >> "$S/calls"\n`;
  return {
    systemctl: `${prelude}case "$1" in
  is-active) st=$(cat "$S/service"); echo "$st"; [ "$st" = active ] || exit 3 ;;
  restart) [ "$(cat "$S/restart-fixes")" = yes ] && echo active > "$S/service"; exit 0 ;;
  *) echo "systemctl stand-in: $1 not staged" >&2; exit 1 ;;
esac
`,
    journalctl: `${prelude}case "$1" in
  --vacuum-size=*) echo 41 > "$S/disk"; echo "Vacuuming done, freed 3.1G of archived journals from /var/log/journal." >&2 ;;
  *) echo "-- No entries --" ;;
esac
`,
    df: `${prelude}pct=$(cat "$S/disk")
echo "Filesystem     1024-blocks     Used Available Capacity Mounted on"
echo "/dev/vda2         20466256 $((pct * 204662)) $(((100 - pct) * 204662))      $pct% /var"
`,
    timedatectl: `${prelude}now=$(( $(date +%s) + $(cat "$S/skew") ))
echo "NTPSynchronized=$(cat "$S/ntp")"
echo "TimeUSec=$(date -u -d "@$now" '+%a %Y-%m-%d %H:%M:%S UTC')"
`,
    chronyc: `${prelude}[ "$1" = makestep ] || exit 1
echo 0 > "$S/skew"; echo "200 OK"
`,
    openssl: `${prelude}[ -n "$(cat "$S/cert-days")" ] || { echo "Could not open file or uri for loading certificate" >&2; exit 1; }
t=$(( $(date +%s) + $(cat "$S/cert-days") * 86400 ))
echo "notAfter=$(date -u -d "@$t" '+%b %e %H:%M:%S %Y GMT')"
`,
  };
}

export interface SiteServerTools {
  /** Put this first on the session PATH. */
  bin: string;
  stage(state: Partial<ServerState>): void;
  /** Every tool invocation since the last stage(), e.g. "systemctl restart watchfloor-gate". */
  calls(): string[];
  read(key: keyof ServerState): string;
}

export function siteServerTools(dir: string): SiteServerTools {
  const bin = join(dir, 'bin');
  const state = join(dir, 'state');
  mkdirSync(bin, { recursive: true });
  mkdirSync(state, { recursive: true });
  for (const [name, text] of Object.entries(scripts(state))) {
    writeFileSync(join(bin, name), text);
    chmodSync(join(bin, name), 0o755);
  }
  const write = (key: keyof ServerState, value: ServerState[keyof ServerState]) =>
    writeFileSync(join(state, FILES[key]), `${typeof value === 'boolean' ? (value ? 'yes' : 'no') : value}\n`);
  return {
    bin,
    stage(overrides) {
      const full = { ...HEALTHY, ...overrides };
      for (const key of Object.keys(FILES) as (keyof ServerState)[]) write(key, full[key]);
      writeFileSync(join(state, 'calls'), '');
    },
    calls: () => readFileSync(join(state, 'calls'), 'utf8').split('\n').filter(Boolean),
    read: (key) => readFileSync(join(state, FILES[key]), 'utf8').trim(),
  };
}
