import { fails, notPassing, passes } from './conditions.js';
import { failoverLink, restartService } from './remediations.js';
import type { KindCatalog } from './types.js';

// No reboot here: a link offers failover and a restart of its router service only.
export const networkLinkCatalog: KindCatalog = {
  kind: 'network-link',
  checks: ['carrier', 'standby', 'quality'],
  rules: [
    {
      code: 'primary-down',
      text: 'line is down; a standby path is available',
      cause: 'software',
      when: [fails('carrier'), passes('standby')],
      remediations: [failoverLink],
    },
    {
      code: 'line-down-no-standby',
      text: 'line is down and no standby path is available (carrier or fibre fault)',
      cause: 'field',
      when: [fails('carrier'), notPassing('standby')],
      remediations: [],
      partsLikely: ['carrier fault ticket', 'fibre splice kit'],
    },
    {
      code: 'link-quality',
      text: 'link quality degraded (high packet loss)',
      cause: 'software',
      when: [notPassing('quality'), passes('carrier'), passes('standby')],
      remediations: [failoverLink],
    },
    {
      code: 'link-quality-no-standby',
      text: 'link quality degraded (high packet loss) and no standby path',
      cause: 'field',
      when: [notPassing('quality'), passes('carrier'), notPassing('standby')],
      remediations: [restartService],
      partsLikely: ['carrier fault ticket'],
    },
  ],
  fallback: [restartService],
};
