// Anchor for bench/cli-and-api.mjs: the least a read command could do in
// Node — read the active profile, GET one hub path (argv[2], default
// /v1/status) with node:http, print the JSON — with no command parsing, checks
// or rendering. Its ratio to `node -e 0` is the floor under the CLI's.
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const http = require('node:http');

const config = JSON.parse(readFileSync(join(process.env.WATCHFLOOR_CONFIG_DIR, 'config.json'), 'utf8'));
const profile = config.profiles[config.activeProfile ?? 'default'];
http.get(`${profile.hub}${process.argv[2] ?? '/v1/status'}`, { headers: { authorization: `Bearer ${profile.token}` } }, (res) => {
  let body = '';
  res.setEncoding('utf8');
  res.on('data', (chunk) => (body += chunk));
  res.on('end', () => process.stdout.write(`${JSON.stringify(JSON.parse(body))}\n`));
});
