// The one error handler: usage errors, an unreachable hub, bugs; text and JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPortUrl, startStubHub, type StubHub } from '../helpers/stub-hub.js';
import { fakeCli, type FakeCli } from './fake-deps.js';
import { SITES } from './fixtures.js';

let cli: FakeCli;
let hub: StubHub;

beforeAll(async () => {
  hub = await startStubHub([
    { method: 'GET', path: '/v1/sites', body: { sites: SITES } },
    { method: 'GET', path: '/v1/tokens', status: 401, body: { error: { code: 'unauthenticated', message: 'no token', hint: 'set one with `watchfloor config set token …`' } } },
  ]);
  cli = fakeCli({ env: { WATCHFLOOR_HUB: hub.url } });
});

afterAll(async () => {
  await hub.close();
  cli.cleanup();
});

describe('usage errors exit 2 with one line from commander', () => {
  it('unknown command', async () => {
    const r = await cli.run('stauts');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe("watchfloor: unknown command 'stauts'");
  });

  it('unknown option, as JSON with --json', async () => {
    const r = await cli.run('sites', 'list', '--colour', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stderr).error).toMatchObject({ code: 'usage', message: "unknown option '--colour'" });
  });

  it('an unknown site kind', async () => {
    const r = await cli.run('sites', 'list', '--kind', 'moon');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Allowed choices are air, land, sea, service-centre, contact-centre');
  });

  it('a noun without a verb shows its help, as asked-for output', async () => {
    const r = await cli.run('incidents');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: watchfloor incidents');
  });

  it('--help is exit 0 on stdout', async () => {
    const r = await cli.run('incidents', 'ack', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: watchfloor incidents ack [options] [id]');
  });
});

describe('hub failures', () => {
  it('an unreachable hub exits 3 within 5 s, naming the URL', async () => {
    const url = await closedPortUrl();
    const started = performance.now();
    const r = await cli.run('status', '--hub', url);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`cannot reach the hub at ${url}`);
    expect(r.stderr).toMatch(/^hint: /m);
  });

  it('no token: exit 6 with the hub hint', async () => {
    const r = await cli.run('tokens', 'list');
    expect(r.code).toBe(6);
    expect(r.stderr).toBe('watchfloor: no token\nhint: set one with `watchfloor config set token …`\n');
  });

  it('--debug adds the stack', async () => {
    const r = await cli.run('tokens', 'list', '--debug');
    expect(r.stderr).toContain('UnauthenticatedError');
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('sites list filters by region whatever its case', async () => {
    const r = await cli.run('sites', 'list', '--region', 'RIYADH');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.split('\t')[0])).toEqual(['RUH', 'SC-RIY-01']);
  });
});

describe('anything unexpected is a bug', () => {
  it('exit 1 and a "this is a bug" line', async () => {
    const broken = fakeCli({ env: { WATCHFLOOR_HUB: hub.url } });
    broken.deps.createClient = () => {
      throw new TypeError('boom');
    };
    try {
      const r = await broken.run('status');
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('watchfloor: boom');
      expect(r.stderr).toContain('this is a bug');
    } finally {
      broken.cleanup();
    }
  });
});
