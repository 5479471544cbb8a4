import { fails, partFailed } from './conditions.js';
import { clearJam, reboot, restartService } from './remediations.js';
import type { KindCatalog } from './types.js';

export const counterCatalog: KindCatalog = {
  kind: 'counter',
  checks: ['service', 'printer', 'hardware'],
  rules: [
    { code: 'service-failed', text: 'border-control application has failed', cause: 'software', when: [fails('service')], remediations: [restartService, reboot] },
    { code: 'printer-jam', text: 'document printer jammed', cause: 'software', when: [fails('printer')], remediations: [clearJam, reboot] },
    partFailed('workstation-failed', 'hardware', 'officer workstation hardware has failed', ['workstation (spare PC)', 'power supply']),
  ],
  fallback: [restartService, reboot],
};
