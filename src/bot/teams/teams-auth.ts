// The Bot Framework authentication of the bot's Azure registration, one way for
// both directions: checking what Teams sends the endpoint (server.ts) and
// getting a token for what the bot sends on its own (the incident cards).
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';

export interface TeamsRegistration {
  appId: string;
  appPassword: string;
  /** Single-tenant registrations (what Azure creates now) name their tenant; multi-tenant ones do not. */
  tenantId?: string | undefined;
}

export function teamsAuthentication(registration: TeamsRegistration): ConfigurationBotFrameworkAuthentication {
  const credentials = new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: registration.appId,
    MicrosoftAppPassword: registration.appPassword,
    MicrosoftAppType: registration.tenantId ? 'SingleTenant' : 'MultiTenant',
    ...(registration.tenantId ? { MicrosoftAppTenantId: registration.tenantId } : {}),
  });
  return new ConfigurationBotFrameworkAuthentication({}, credentials);
}
