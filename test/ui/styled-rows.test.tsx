// A wall row, a queue row and a large tile are each one <Text> of pre-styled
// text (for speed). In colour they must draw exactly what the per-piece nested
// Texts drew: the references below are those components as they were.
import chalk from 'chalk';
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident, SiteStatus } from '../../src/core/model.js';
import { FleetWall, tileText } from '../../src/ui/fleet-wall.js';
import { IncidentQueue } from '../../src/ui/incident-queue.js';
import { groupSites, sortIncidents } from '../../src/ui/layout.js';
import { HEALTH_COLOUR, HEALTH_GLYPH, SEVERITY_COLOUR, SLA_COLOUR, fit, padTo } from '../../src/ui/look.js';
import { formatElapsed, formatTarget, slaTimer } from '../../src/ui/sla.js';
import { uiWords } from '../../src/ui/ui-labels.js';
import { WallTiles } from '../../src/ui/wall-tiles.js';
import { FLEET, INCIDENTS, incident } from '../commands/fixtures.js';

const NOW = new Date('2025-03-01T06:14:00Z');
const frame = (tree: React.ReactElement) => render(tree).lastFrame()!;

// Ink and these rows share chalk: under CI it has no colour, which would hide any difference.
let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

function ReferenceTileRow({ sites, width, selectedSiteId, focused }: { sites: SiteStatus[]; width: number; selectedSiteId: string; focused: boolean }) {
  return (
    <Box>
      {sites.map((site) => (
        <Text key={site.id} color={HEALTH_COLOUR[site.health]} inverse={site.id === selectedSiteId} bold={site.id === selectedSiteId && focused}>
          {tileText(site, width)}
        </Text>
      ))}
    </Box>
  );
}

function ReferenceIncidentRow({ incident, selected, focused, width }: { incident: Incident; selected: boolean; focused: boolean; width: number }) {
  const words = uiWords('en');
  const sla = slaTimer(incident, NOW);
  const timer = `${words.slaShort(sla.target)} ${formatElapsed(sla.elapsedMs)}/${formatTarget(sla.targetMs, 'en')}`;
  return (
    <Text inverse={selected && focused} underline={selected && !focused} wrap="truncate-end">
      <Text color={SEVERITY_COLOUR[incident.severity]}>{incident.severity} </Text>
      {incident.id.padEnd(11)}
      {padTo(fit(words.shortState(incident.state), 5), 6)}
      {padTo(fit(incident.siteId ?? words.platform, 10), 10)}{' '}
      <Text color={SLA_COLOUR[sla.tone]} bold={sla.tone === 'red'}>
        {padTo(timer, 20)}
      </Text>{' '}
      {fit(incident.title, width - 54)}
    </Text>
  );
}

describe('pre-styled rows draw what nested Texts drew', () => {
  it('a row of wall tiles, the selection inverse and bold, and its group heading', () => {
    const sites = groupSites(FLEET.sites, 'kind', '')[0]!.sites;
    const shown = frame(<FleetWall groups={[{ key: 'air', sites }]} grouping="kind" selectedSiteId="RUH" focused width={80} rows={5} />);
    const reference = frame(<ReferenceTileRow sites={sites} width={80} selectedSiteId="RUH" focused />);
    expect(reference).toContain('\u001B[7m'); // inverse: the reference is in colour
    const [heading, row] = shown.split('\n');
    expect(row).toBe(reference);
    expect(heading).toBe(
      frame(
        <Text bold>
          Air ports <Text dimColor>({sites.length})</Text>
          <Text color="yellow"> {sites.length} degraded</Text>
        </Text>,
      ),
    );
  });

  it('queue rows: severity and SLA colours, the selection inverse (focused) or underlined', () => {
    const late = incident(3, { severity: 'sev1', siteId: 'LND-KFC', createdAt: '2025-03-01T05:00:00Z', title: 'Link down' });
    const queue = sortIncidents([...INCIDENTS, late]);
    for (const focused of [true, false]) {
      const rows = frame(<IncidentQueue incidents={queue} selectedIncidentId="INC-000003" focused={focused} width={100} rows={5} now={NOW} />)
        .split('\n')
        .slice(1);
      const reference = queue.map((i) => frame(<ReferenceIncidentRow incident={i} selected={i.id === 'INC-000003'} focused={focused} width={100} />));
      expect(rows).toEqual(reference);
    }
  });

  it('large tiles for a video wall', () => {
    const sites = FLEET.sites;
    const reference = frame(
      <Box>
        {sites.map((site) => (
          <Box key={site.id} flexDirection="column" width={24} flexShrink={0}>
            <Text color={HEALTH_COLOUR[site.health]} bold>
              {fit(`${HEALTH_GLYPH[site.health]} ${site.id}`, 22)}
            </Text>
            <Text>{fit(site.name.en, 22)}</Text>
            <Text color={HEALTH_COLOUR[site.health]}>
              {fit(`${site.waitMinutes === null ? 'no report' : `wait ${Math.round(site.waitMinutes)}m`}${site.openIncidents.total ? `  !${site.openIncidents.total}` : ''}`, 22)}
            </Text>
          </Box>
        ))}
      </Box>,
    );
    const group = { key: 'air', sites };
    const shown = frame(
      <WallTiles lines={[{ kind: 'heading', group, continued: false }, { kind: 'tiles', group, sites, cell: 24 }]} style="large" grouping="kind" />,
    );
    expect(shown.split('\n').slice(1).join('\n')).toBe(reference);
  });
});
