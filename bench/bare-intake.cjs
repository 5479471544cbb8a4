// The floor under bench/intake.mjs: the least an HTTP intake can do in Node —
// node:http on 127.0.0.1, read the whole body, answer 200 with nothing — with
// no authentication, parsing, checks or storage. The senders that measure the
// hub and Alertmanager measure this too; its ratio to Alertmanager says how
// much of the goal Node's HTTP alone allows on this machine. Prints its port.
'use strict';
const http = require('node:http');

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    Buffer.concat(chunks);
    res.writeHead(200, { 'content-length': '0' }).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
