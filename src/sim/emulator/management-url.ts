// Where an emulated asset's management API answers, on the emulator at `base`:
// one line, shared by the emulator and the hub's side of the demo world's
// thread (which must not load the emulator to know it).

/** An asset's management endpoint on the emulator at `base`. */
export const managementUrlAt = (base: string, assetId: string): string => `${base}/${assetId}`;
