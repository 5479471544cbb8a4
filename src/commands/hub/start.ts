// `hub start`: run the hub in this process until SIGINT/SIGTERM. It emits
// one event, once it listens: the URL a script waits for. Its settings come
// from the flags and, with --config, a YAML file (a flag beats the file).
import { Option } from 'commander';
import { completeFiles } from '../completion/dynamic.js';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from '../../core/errors.js';
import { profileName } from '../config/connection.js';
import { integerOption, positiveNumberOption } from '../options.js';
import { defineVerb } from '../verb.js';
import { parseAutoRemediate, type AutoRemediateKinds } from './auto-remediate.js';
import { readHubConfigFile } from './config-file.js';
import { hubLogLine } from './hub-log.js';
import { DEMO_PAST_MAX_DAYS, mergeSettings, parseAlertCount, parseDemoReportEvery, parseEarlyWarning, parseGroupSites, parseGroupWindow, parseLogFormat, parseRetain, type HubSettings } from './hub-settings.js';
import { saveHubProfile } from './profile.js';

export interface HubStartInput {
  config: string | undefined;
  flags: HubSettings;
}

export interface HubListening {
  url: string;
}

type HubStartOptions = Omit<HubSettings, 'autoRemediate'> & { autoRemediate?: AutoRemediateKinds | true; config?: string };

/** What the hub is started with: the file's settings under the flags', the TLS pair checked. */
async function settingsOf(input: HubStartInput): Promise<HubSettings> {
  const settings = mergeSettings(input.config ? await readHubConfigFile(input.config) : {}, input.flags);
  if (Boolean(settings.tlsCert) !== Boolean(settings.tlsKey)) {
    throw new UsageError('TLS needs both the certificate and its key', { hint: 'pass --tls-cert FILE and --tls-key FILE (or tls-cert and tls-key in the config file)' });
  }
  return settings;
}

export const hubStart = defineVerb({
  name: 'start',
  description: 'run the hub here until Ctrl-C or SIGTERM',
  metadata: { examples: ['hub start --demo', 'hub start --config /etc/watchfloor/hub.yaml', 'hub start --host 0.0.0.0 --tls-cert hub.crt --tls-key hub.key --data /var/lib/watchfloor/hub.sqlite'] },
  configure(command) {
    command
      .option('--config <file>', 'a YAML file of these settings, keyed by the flag names without dashes (a flag given here wins)')
      .option('--demo', 'seed the 103-site demo fleet and run the simulator')
      .option('--seed <n>', 'simulator seed', integerOption(0))
      .option('--speed <x>', 'simulated seconds per real second', positiveNumberOption)
      .option('--demo-past <days>', `days of the demo fleet's past hourly flow a fresh demo hub takes first, as an import would (default 14; 0: none; at most ${DEMO_PAST_MAX_DAYS})`, integerOption(0, DEMO_PAST_MAX_DAYS))
      .option('--demo-report-every <span>', "how often each demo site reports, in site time, whatever --speed (e.g. 5m; default: once a real second, so --speed 1800 reports every 30 site-minutes)", parseDemoReportEvery)
      .option('--port <port>', 'port to listen on (0: any free port; default 7474)', integerOption(0, 65535))
      .option('--host <host>', 'address to listen on (default 127.0.0.1)')
      .addOption(completeFiles(new Option('--data <file>', 'SQLite data file (default <config dir>/hub.sqlite)')))
      .addOption(completeFiles(new Option('--ssh-key <file>', 'private key for site servers managed over ssh:// (read once at start)')))
      .option('--audit-key <file>', 'Ed25519 key the audit checkpoints are signed with, readable by its owner only (default: created beside the data file)')
      .option('--audit-checkpoints <file>', 'file the signed audit checkpoints are appended to (default: beside the data file)')
      .option('--playbooks <dir>', "a directory of the operator's own playbooks, loaded beside the built-in ones (the same id replaces a built-in)")
      .addOption(completeFiles(new Option('--peaks <file>', "the forecast's calendar of known peaks, YAML (default: peaks.yaml beside the data file, else the shipped one; docs/forecast.md)")))
      .option('--auto-remediate [kinds]', 'diagnose and fix each new device incident (all kinds, or a comma list: egate,cctv)', parseAutoRemediate)
      .option('--tls-cert <file>', 'serve HTTPS with this certificate (PEM, the chain after it); needs --tls-key')
      .option('--tls-key <file>', 'the private key of --tls-cert (PEM, unencrypted)')
      .option('--log-format <format>', 'text (default) or json: one JSON object a line on stderr, for log shippers', parseLogFormat)
      .option('--retain <span>', 'keep telemetry and wait history this long (e.g. 400d; default: for ever); never audit or incidents', parseRetain)
      .option('--early-warning <every>', 'evaluate the forecast this often (e.g. 1m) and open `predicted` incidents for sites about to breach their wait target', parseEarlyWarning)
      .option('--intake-queue <alerts>', 'alerts that may wait for the intake\'s writer before senders are told to retry (503; default 20000)', parseAlertCount)
      .option('--intake-backlog <alerts>', 'alerts taken in and not yet applied before senders are told to retry (503; default 50000)', parseAlertCount)
      .option('--group-window <span>', 'the same alert at --group-sites sites within this long is one shared cause (default 60s)', parseGroupWindow)
      .option('--group-sites <n>', 'how many sites raising the same alert within --group-window make one shared cause (default 3)', parseGroupSites);
  },
  // Commander passes `true` for --auto-remediate alone: the parser only runs on a value.
  input: (_args: [], { config, autoRemediate, ...flags }: HubStartOptions): HubStartInput => ({
    config,
    flags: { ...flags, autoRemediate: autoRemediate === true ? 'all' : autoRemediate },
  }),
  async run(input, ctx): Promise<void> {
    // Listened for before the hub starts: a service manager's SIGTERM during a
    // slow start then closes the hub in order (exit 0) rather than killing it.
    const shutdown = ctx.deps.waitForShutdown();
    const settings = await settingsOf(input);
    const { startHub } = await ctx.deps.loadHub();
    const dataFile = settings.data ?? join(ctx.deps.config.dir, 'hub.sqlite');
    // Only directories made here; an existing one keeps its mode (the hub warns if others may write it).
    mkdirSync(dirname(dataFile), { recursive: true, mode: 0o700 });
    const log = (line: string) => ctx.info(settings.logFormat === 'json' ? hubLogLine(line, ctx.deps.clock.now()) : line);
    const hub = await startHub({
      dataFile,
      host: settings.host,
      port: settings.port,
      demo: settings.demo ?? false,
      seed: settings.seed,
      speed: settings.speed,
      ...(settings.demoPast === undefined ? {} : { demoPastDays: settings.demoPast }),
      ...(settings.demoReportEvery === undefined ? {} : { demoReportMs: settings.demoReportEvery }),
      log,
      ...(settings.autoRemediate ? { autoRemediate: settings.autoRemediate } : {}),
      ...(settings.sshKey ? { sshKeyFile: settings.sshKey } : {}),
      ...(settings.auditKey ? { auditKeyFile: settings.auditKey } : {}),
      ...(settings.auditCheckpoints ? { auditCheckpointsFile: settings.auditCheckpoints } : {}),
      ...(settings.playbooks ? { playbooksDir: settings.playbooks } : {}),
      ...(settings.peaks ? { peaksFile: settings.peaks } : {}),
      ...(settings.tlsCert && settings.tlsKey ? { tls: { certFile: settings.tlsCert, keyFile: settings.tlsKey } } : {}),
      ...(settings.retain ? { retainMs: settings.retain } : {}),
      ...(settings.earlyWarning ? { earlyWarning: { everyMs: settings.earlyWarning } } : {}),
      ...(settings.intakeQueue || settings.intakeBacklog
        ? { intake: { ...(settings.intakeQueue ? { maxWaitingAlerts: settings.intakeQueue } : {}), ...(settings.intakeBacklog ? { maxJournalAlerts: settings.intakeBacklog } : {}) } }
        : {}),
      ...(settings.groupWindow || settings.groupSites
        ? { grouping: { ...(settings.groupWindow ? { windowMs: settings.groupWindow } : {}), ...(settings.groupSites ? { windowSites: settings.groupSites } : {}) } }
        : {}),
    });
    try {
      // The profile is written before the URL is emitted: a script that waits
      // for the URL can use the CLI at once.
      const profile = profileName(ctx.globals, ctx.deps.env, ctx.deps.config.read());
      if (hub.adminToken || hub.simUrl) {
        await saveHubProfile(ctx, profile, { ...(hub.adminToken ? { hub: hub.url, token: hub.adminToken } : {}), sim: hub.simUrl, simToken: hub.simToken });
      }
      if (hub.adminToken) log(`new data file ${hub.dataFile}: stored its admin token and URL in profile ${profile}`);
      if (hub.simUrl) log(`device emulator on ${hub.simUrl}: stored as sim${hub.simToken ? ', with its control token as simToken,' : ''} in profile ${profile} (for \`watchfloor sim …\`)`);
      ctx.emit({ url: hub.url } satisfies HubListening);
      // Ready first; a fresh demo hub's past comes in behind it (src/hub/demo/start-demo.ts).
      hub.takeDemoPast?.();
      await shutdown;
      log('stopping: no new connections; finishing requests in flight and the runner\'s current step');
    } finally {
      await hub.close();
    }
  },
  present: {
    text: () => '',
    json: () => undefined,
    events: {
      text: (event: HubListening) => `hub listening on ${event.url}`,
      json: (event: HubListening) => ({ url: event.url }),
    },
  },
});
