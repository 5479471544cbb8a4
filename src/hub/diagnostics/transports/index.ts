// The transports' public surface for the diagnostics runner.
export * from './transport.js';
export { HttpTransport, type ActionRequest, type HttpTransportOptions } from './http.js';
export {
  openSshSession,
  runSshCommand,
  sshFingerprint,
  SshSession,
  type CommandResult,
  type SshTarget,
  type SshTransportOptions,
} from './ssh.js';
export {
  resolveCommand,
  type ArgvPart,
  type CommandParams,
  type CommandSpec,
  type CommandTable,
  type ParamSpec,
  type ResolvedCommand,
} from './command-allow-list.js';
export { SITE_SERVER_COMMANDS, type SiteServerCommand } from './site-server-commands.js';
export * from './device-api.js';
