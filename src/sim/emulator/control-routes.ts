// The emulator's own control endpoint, apart from every device's API: the
// ground truth now, drills (inject), repairs on site, and the fault mix.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorRequestError } from './errors.js';
import { isPlainObject, readJson, sendJson } from './http-io.js';
import type { FaultMix } from './mix.js';
import type { DeviceWorld } from './world.js';

export const CONTROL_PREFIX = '/control/v1';

/** `path` is what follows /control/v1. */
export async function serveControl(world: DeviceWorld, mix: FaultMix, path: string, req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
  const method = req.method ?? 'GET';
  if (path === '/fault-kinds') {
    if (method !== 'GET') throw new EmulatorRequestError(405, 'method_not_allowed', 'fault-kinds answers GET only');
    return sendJson(res, 200, mix);
  }
  if (path === '/faults') {
    if (method === 'GET') {
      const site = query.get('site');
      const faults = world.faults().filter((f) => site === null || f.siteId?.toUpperCase() === site.toUpperCase());
      return sendJson(res, 200, { faults });
    }
    if (method === 'POST') {
      const body = await readJson(req);
      if (!isPlainObject(body) || typeof body.assetId !== 'string' || typeof body.fault !== 'string') {
        throw new EmulatorRequestError(400, 'bad_request', 'the body must be { assetId, fault }');
      }
      return sendJson(res, 201, { fault: world.inject(body.assetId, body.fault) });
    }
    throw new EmulatorRequestError(405, 'method_not_allowed', 'faults answers GET and POST');
  }
  if (path === '/actions') {
    if (method !== 'GET') throw new EmulatorRequestError(405, 'method_not_allowed', 'actions answers GET only');
    return sendJson(res, 200, { actions: world.appliedActions(query.get('asset') ?? undefined) });
  }
  if (path.startsWith('/faults/')) {
    if (method !== 'DELETE') throw new EmulatorRequestError(405, 'method_not_allowed', 'faults/<assetId> answers DELETE only');
    // Asset ids hold one slash (RUH/egate-07): taken literally or encoded.
    const assetId = path.slice('/faults/'.length);
    return sendJson(res, 200, { fault: world.repair(assetId) });
  }
  throw new EmulatorRequestError(404, 'not_found', `no ${CONTROL_PREFIX}${path}`);
}
