// `watchfloor handover` as the duty officer runs it, the built CLI against a
// real hub: --out writes Markdown in which a hostile incident title stays
// text (no heading, link, image, table cell or HTML tag), --json prints the
// documented shapes, the issuer's own accept is refused (exit 6) and another
// officer's goes through; bad input is one line and exit 2, the hub untouched.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handover, HandoverSummary } from '../../src/core/model.js';
import { renderHandoverText } from '../../src/render/handover-markdown.js';
import { cliEnv, runCli, type CliEnv } from '../helpers/cli.js';
import { startFixtureHub, type FixtureHub } from '../hub/hub-fixture.js';

const HOSTILE = '# Gate [click](http://evil.example) <img src=x onerror=alert(1)> | cell\n## forged heading';

let hub: FixtureHub;
let cli: CliEnv;
const tokens: Record<string, string> = {};
const as = (who: string) => ({ ...cli.env, WATCHFLOOR_HUB: hub.url, WATCHFLOOR_TOKEN: tokens[who]! });

beforeAll(async () => {
  hub = await startFixtureHub();
  cli = cliEnv();
  for (const name of ['layla', 'khalid']) tokens[name] = (await hub.admin.createToken({ name, role: 'officer' })).secret;
  await hub.admin.createIncident({ title: HOSTILE, severity: 'sev2', siteId: 'RUH' });
}, 30_000);

afterAll(async () => {
  await hub?.stop();
  cli?.cleanup();
});

describe('watchfloor handover', () => {
  it('--out writes inert Markdown and says where; show, list and accept print their documented JSON', async () => {
    const file = join(cli.configDir, 'handover.md');
    const issued = await runCli(['handover', '--shift', '8h', '--out', file], as('layla'));
    expect(issued.code, issued.stderr).toBe(0);
    expect(issued.stdout).toBe('');
    expect(issued.stderr).toMatch(/HO-\d{6}: handover written to .*handover\.md/);
    const md = readFileSync(file, 'utf8');
    // Every KPI's headline over the shift, against the shift before.
    expect(md).toContain('| KPI | Figure | This shift | Shift before | Target |');
    for (const kpi of ['incidents', 'continuity', 'flow', 'staff', 'satisfaction', 'contact-centre', 'remote']) expect(md).toMatch(new RegExp(`^\\| ${kpi.replace('-', '\\\\?-')} \\|`, 'm')); // Markdown escapes the hyphen of contact-centre
    expect(md).toMatch(/^# Shift handover HO\\-\d{6}$/m);
    expect(md).toContain('\\# Gate \\[click\\]\\(http\\://evil\\.example\\) \\<img src=x onerror=alert\\(1\\)\\> \\| cell \\#\\# forged heading');
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).not.toMatch(/^#+ (Gate|forged)/m);
    expect(md).not.toMatch(/[^\\]\]\(http/);

    const shown = await runCli(['handover', 'show', '--json'], as('khalid'));
    expect(shown.code, shown.stderr).toBe(0);
    const { handover } = JSON.parse(shown.stdout) as { handover: Handover };
    expect(Object.keys(handover)).toEqual(['id', 'issuedAt', 'issuedBy', 'issuedChannel', 'hash', 'content', 'acceptedAt', 'acceptedBy', 'acceptedChannel']);
    expect(handover).toMatchObject({ issuedBy: { name: 'layla' }, issuedChannel: 'cli', acceptedAt: null });
    expect(handover.content.openItems.map((i) => i.title)).toContain(HOSTILE);

    // On a terminal it is read, not rendered: the same layout, outside text as it came less its control characters.
    const onTerminal = renderHandoverText(handover);
    expect(onTerminal).toMatch(/^# Shift handover HO-\d{6}$/m);
    expect(onTerminal).toContain('# Gate [click](http://evil.example) <img src=x onerror=alert(1)> | cell ## forged heading');
    expect(onTerminal).not.toMatch(/^#+ (Gate|forged)/m);
    const item = handover.content.openItems[0]!;
    const escaping = renderHandoverText({ ...handover, content: { ...handover.content, openItems: [{ ...item, title: 'red\u001b[31m clear\u001b[2J \u202eright-to-left\u2028new line' }] } });
    expect(escaping).toContain('red [31m clear [2J  right-to-left new line');
    expect(escaping).not.toMatch(/[\u001b\u202e\u2028]/);

    const own = await runCli(['handover', 'accept'], as('layla'));
    expect(own.code).toBe(6);
    expect(own.stderr).toContain('another officer');

    const accepted = await runCli(['handover', 'accept', handover.id.replace(/^HO-0*/, ''), '--json'], as('khalid'));
    expect(accepted.code, accepted.stderr).toBe(0);
    expect(JSON.parse(accepted.stdout)).toMatchObject({ handover: { id: handover.id, acceptedBy: { name: 'khalid' }, acceptedChannel: 'cli', hash: handover.hash } });

    const listed = await runCli(['handover', 'list', '--json', 'id,acceptedBy'], as('khalid'));
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { handovers: Partial<HandoverSummary>[] }).handovers[0]).toEqual({ id: handover.id, acceptedBy: expect.objectContaining({ name: 'khalid' }) });
  }, 60_000);

  it('a bad shift or post target is one line and exit 2, and nothing is issued', async () => {
    const before = await hub.admin.listHandovers();
    for (const args of [['handover', '--shift', '2m'], ['handover', 'issue', '--shift', 'soon'], ['handover', '--post', '<!channel>']]) {
      const r = await runCli(args, as('layla'));
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')[0]).toMatch(/shift|--post/);
    }
    expect(await hub.admin.listHandovers()).toEqual(before);
  }, 60_000);
});
