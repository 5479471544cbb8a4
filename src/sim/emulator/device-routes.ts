// The device management API v1 (src/devices/README.md), served for
// one asset: GET health, metrics, logs; POST actions/{name}.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { IDEMPOTENCY_KEY, LOG_LINES_MAX, isDeviceAction } from '../../devices/device-api.js';
import type { ActionParams } from './actions.js';
import { EmulatorRequestError } from './errors.js';
import { isPlainObject, readJson, sendJson } from './http-io.js';
import type { DeviceWorld } from './world.js';

/** `path` is what follows /mgmt/v1 (e.g. /health, /actions/reboot). */
export async function serveDevice(world: DeviceWorld, assetId: string, path: string, req: IncomingMessage, res: ServerResponse, query: URLSearchParams) {
  if (!world.has(assetId)) throw new EmulatorRequestError(404, 'unknown_asset', `no asset ${assetId} here`);
  const method = req.method ?? 'GET';
  if (path === '/health' || path === '/metrics' || path === '/logs') {
    if (method !== 'GET') throw new EmulatorRequestError(405, 'method_not_allowed', `${path} answers GET only`);
    if (path === '/health') return sendJson(res, 200, world.health(assetId));
    if (path === '/metrics') return sendJson(res, 200, world.metrics(assetId));
    return sendJson(res, 200, { lines: world.logs(assetId, logLines(query.get('lines'))) });
  }
  const action = /^\/actions\/([^/]+)$/.exec(path)?.[1];
  if (action === undefined) throw new EmulatorRequestError(404, 'not_found', `no ${path} in the management API`);
  if (method !== 'POST') throw new EmulatorRequestError(405, 'method_not_allowed', 'actions answer POST only');
  if (!isDeviceAction(action)) throw new EmulatorRequestError(404, 'unknown_action', `no action ${action}`);
  const key = req.headers['idempotency-key'];
  if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
    throw new EmulatorRequestError(400, 'bad_request', 'an Idempotency-Key header of 1-200 visible ASCII characters is required');
  }
  const outcome = await world.act(assetId, action, paramsOf(await readJson(req)), key);
  return sendJson(res, 200, outcome);
}

function logLines(raw: string | null): number {
  const n = raw === null ? 50 : Number(raw);
  if (!Number.isSafeInteger(n) || n < 1 || n > LOG_LINES_MAX) {
    throw new EmulatorRequestError(400, 'bad_request', `lines must be a whole number from 1 to ${LOG_LINES_MAX}`);
  }
  return n;
}

function paramsOf(body: unknown): ActionParams {
  if (body === undefined) return {};
  if (!isPlainObject(body)) throw new EmulatorRequestError(400, 'bad_request', 'the body must be an object { params }');
  const params = body.params ?? {};
  if (!isPlainObject(params) || !Object.values(params).every((v) => ['string', 'number', 'boolean'].includes(typeof v))) {
    throw new EmulatorRequestError(400, 'bad_request', 'params must be a flat map of strings, numbers and booleans');
  }
  return params as ActionParams;
}
