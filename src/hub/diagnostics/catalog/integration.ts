import { fails, passes, warns } from './conditions.js';
import { renewToken, restartService, switchToOffline, switchToOnline } from './remediations.js';
import type { KindCatalog } from './types.js';

export const integrationCatalog: KindCatalog = {
  kind: 'integration',
  checks: ['auth', 'upstream', 'mode'],
  rules: [
    { code: 'token-expired', text: 'credentials to the national platform refused', cause: 'software', when: [fails('auth')], remediations: [renewToken, restartService] },
    // Nothing here fixes the platform itself; offline processing keeps the border open.
    {
      code: 'upstream-outage',
      text: 'national platform is not answering',
      cause: 'upstream',
      when: [fails('upstream'), passes('mode')],
      remediations: [switchToOffline],
    },
    {
      code: 'offline-processing',
      text: 'national platform is not answering; documents are queued for checking (offline processing)',
      cause: 'upstream',
      when: [fails('upstream'), warns('mode')],
      remediations: [],
      mitigated: true,
    },
    {
      code: 'offline-while-platform-up',
      text: 'still in offline processing although the national platform answers again',
      cause: 'software',
      when: [warns('mode'), passes('upstream')],
      remediations: [switchToOnline],
    },
  ],
  fallback: [restartService],
};
