// Which bearer token an HTTP device's management API takes. Each token is
// scoped to where it is valid — an origin, and a path prefix under it: one
// device, the devices behind one site gateway, one emulator — so a token is
// never sent to a device outside its scope. Scopes can be added while the hub
// runs: a deployment's at start, an emulator's when it comes up.

interface Scope {
  origin: string;
  /** Without a trailing slash; '' for the whole origin. */
  path: string;
  token: string;
}

function scopeOf(baseUrl: string): Omit<Scope, 'token'> | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  return { origin: url.origin, path: url.pathname.replace(/\/+$/, '') };
}

export class DeviceTokens {
  private readonly scopes: Scope[] = [];

  /** Devices whose managementUrl is `baseUrl` or under it (same origin, path at or below) take `token`. */
  add(baseUrl: string, token: string): void {
    const scope = scopeOf(baseUrl);
    if (!scope) throw new Error(`a device token needs an http(s) URL to scope it to, not ${baseUrl}`);
    if (!token) throw new Error('a device token cannot be empty');
    const same = this.scopes.findIndex((s) => s.origin === scope.origin && s.path === scope.path);
    if (same >= 0) this.scopes.splice(same, 1);
    this.scopes.push({ ...scope, token });
  }

  /** The token of the narrowest scope holding `managementUrl`, if any. */
  tokenFor(managementUrl: string): string | undefined {
    const target = scopeOf(managementUrl);
    if (!target) return undefined;
    let best: Scope | undefined;
    for (const s of this.scopes) {
      const within = s.origin === target.origin && (s.path === '' || target.path === s.path || target.path.startsWith(`${s.path}/`));
      if (within && (!best || s.path.length > best.path.length)) best = s;
    }
    return best?.token;
  }
}
