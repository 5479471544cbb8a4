// The device emulator's public surface: the demo wiring, drills and tests use these.
export { startDeviceEmulator, type DeviceEmulatorOptions, type RunningDeviceEmulator } from './emulator.js';
export { DeviceWorld, type DeviceWorldOptions, type GroundTruthFault } from './world.js';
export { FAULT_KINDS, drawFaultKind, faultKindOf, remotelyHandled, type FaultKind, type RemoteRemedy } from './fault-kinds.js';
export { DEVICE_KINDS } from './device-kinds.js';
export { faultMix, type FaultMix, type FaultMixEntry } from './mix.js';
export { CONTROL_PREFIX } from './control-routes.js';
export { newEmulatorCredentials, type EmulatorCredentials } from './credentials.js';
