import { fails, partFailed } from './conditions.js';
import { clearJam, reboot, restartService } from './remediations.js';
import type { KindCatalog } from './types.js';

export const kioskCatalog: KindCatalog = {
  kind: 'kiosk',
  checks: ['service', 'printer', 'display'],
  rules: [
    { code: 'service-failed', text: 'self-service application has failed', cause: 'software', when: [fails('service')], remediations: [restartService, reboot] },
    { code: 'printer-jam', text: 'receipt printer jammed', cause: 'software', when: [fails('printer')], remediations: [clearJam, reboot] },
    partFailed('display-failed', 'display', 'kiosk display has failed', ['display panel']),
  ],
  fallback: [restartService, reboot],
};
