// An `ssh://` managementUrl names a Linux site server and what to watch on it:
//   ssh://USER@HOST:PORT/?hostKey=SHA256:…&service=UNIT&certificate=/etc/…
// The query is read by hand, not with URLSearchParams: that turns `+` into a
// space, and OpenSSH fingerprints are base64 (`+` and `/` are common).
import { redact } from '../../core/redact.js';
import { BadArgumentError } from '../errors.js';

export interface SshManagementTarget {
  host: string;
  port: number;
  username: string;
  /** As OpenSSH prints it: `SHA256:` and 43 base64 characters. */
  hostKeyFingerprint: string;
  /** The systemd unit that is the server's job (service-status, service-restart). */
  service: string;
  /** The TLS certificate to watch, if the server has one. */
  certificate: string | undefined;
}

const KNOWN_PARAMS = new Set(['hostKey', 'service', 'certificate']);

function queryOf(search: string, invalid: (reason: string) => Error): Map<string, string> {
  const params = new Map<string, string>();
  for (const pair of search.replace(/^\?/, '').split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const rawName = eq < 0 ? pair : pair.slice(0, eq);
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(rawName);
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
    } catch {
      throw invalid(`"${pair}" is not percent-encoded correctly`);
    }
    if (!KNOWN_PARAMS.has(name)) throw invalid(`unknown parameter "${name}" (known: ${[...KNOWN_PARAMS].join(', ')})`);
    if (params.has(name)) throw invalid(`"${name}" is given twice`);
    params.set(name, value);
  }
  return params;
}

/** Read an `ssh://` managementUrl; throws bad_argument naming what is wrong. */
export function parseSshManagementUrl(raw: string): SshManagementTarget {
  const shown = redact(raw);
  const invalid = (reason: string) =>
    new BadArgumentError(`bad SSH management URL ${shown}: ${reason}`, {
      transport: 'ssh',
      target: shown,
      hint: 'form: ssh://USER@HOST:PORT/?hostKey=SHA256:…&service=UNIT[&certificate=/etc/…]',
    });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('not a valid URL');
  }
  if (url.protocol !== 'ssh:') throw invalid('the scheme must be ssh');
  if (!url.hostname) throw invalid('no host');
  if (!url.username) throw invalid('no user (ssh://USER@HOST)');
  if (url.password) throw invalid('passwords are not used: the hub logs in with its key');
  if (url.pathname !== '' && url.pathname !== '/') throw invalid('a path means nothing here; put the settings in the query');
  const params = queryOf(url.search, invalid);
  const hostKeyFingerprint = params.get('hostKey');
  if (!hostKeyFingerprint) throw invalid('no hostKey: the server key must be pinned');
  const service = params.get('service');
  if (!service) throw invalid('no service: name the systemd unit to watch');
  return {
    // WHATWG keeps the brackets of an IPv6 literal; ssh2 wants the bare address.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : 22,
    username: decodeURIComponent(url.username),
    hostKeyFingerprint,
    service,
    certificate: params.get('certificate') || undefined,
  };
}
