// The remediations the catalog is built from. Disruptive ones (they interrupt
// service while they run) need the officer role; the rest a viewer may run.
import type { Remediation } from './types.js';

const gentle = (action: Remediation['action']): Remediation => ({ action, params: {}, disruptive: false, minRole: 'viewer' });

export const restartService = gentle('restart-service');
export const clearJam = gentle('clear-jam');
export const recalibrate = gentle('recalibrate');
export const freeStorage = gentle('free-storage');
export const resyncClock = gentle('resync-clock');
export const renewCertificate = gentle('renew-certificate');
export const renewToken = gentle('renew-token');

export const reboot: Remediation = { action: 'reboot', params: {}, disruptive: true, minRole: 'officer' };
export const failoverLink: Remediation = { action: 'failover-link', params: {}, disruptive: true, minRole: 'officer' };
export const switchToOffline: Remediation = {
  action: 'switch-mode',
  params: { mode: 'offline' },
  disruptive: true,
  minRole: 'officer',
};
export const switchToOnline: Remediation = { ...switchToOffline, params: { mode: 'online' } };
