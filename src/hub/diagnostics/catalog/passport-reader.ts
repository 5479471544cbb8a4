import { fails, partFailed, warns } from './conditions.js';
import { reboot, restartService } from './remediations.js';
import type { KindCatalog } from './types.js';

export const passportReaderCatalog: KindCatalog = {
  kind: 'passport-reader',
  checks: ['driver', 'firmware', 'optics'],
  rules: [
    { code: 'driver-failed', text: 'reader driver has failed', cause: 'software', when: [fails('driver')], remediations: [restartService, reboot] },
    // The manual: the device re-flashes the site baseline on reboot.
    { code: 'firmware-mismatch', text: 'firmware differs from the site baseline', cause: 'software', when: [warns('firmware')], remediations: [reboot] },
    { code: 'firmware-failed', text: 'firmware check failing', cause: 'software', when: [fails('firmware')], remediations: [reboot] },
    partFailed('optics-failed', 'optics', 'reader optics have failed', ['reader lens/optics module', 'spare passport reader']),
  ],
  fallback: [restartService, reboot],
};
