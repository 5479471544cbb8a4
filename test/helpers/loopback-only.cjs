// Preloaded (NODE_OPTIONS=--require) into every node process a test starts
// that must not leave this machine — npm installing from the local registry,
// its install scripts (prebuild-install, node-gyp), the installed watchfloor:
// a connection to anything but loopback or a local socket ends the process
// with 99 before it is made, and says where it was going. CommonJS so npm's
// own node loads it as early as an ES module program.
'use strict';
const net = require('node:net');

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost)$/i;
const connect = net.Socket.prototype.connect;

net.Socket.prototype.connect = function guardedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  // A path is a local (Unix) socket; no host means localhost, as net.connect reads it.
  if (options.path == null && typeof first !== 'string') {
    const host = String(options.host ?? 'localhost').replace(/^\[|\]$/g, '');
    if (!LOOPBACK.test(host)) {
      process.stderr.write(`loopback-only: refused a connection to ${host}:${options.port} (pid ${process.pid}: ${process.argv.slice(1, 3).join(' ')})\n`);
      process.exit(99);
    }
  }
  return connect.apply(this, args);
};
