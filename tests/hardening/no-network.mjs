// Preloaded with `node --import` (through NODE_OPTIONS) by tests/hardening/privacy.test.ts:
// every way Node offers to reach the network is replaced by a function that reports the
// attempt on stderr (and in the file named by CC_NETGUARD_LOG) and throws. With
// CC_NETGUARD_LOG set, each thread that loads this file also records that it did, so the test
// can prove that the guard was active in the main thread and in batch's worker threads.
import { appendFileSync, writeSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { threadId } from 'node:worker_threads';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

const MARKER = 'CYCLECHECK-NETWORK-ATTEMPT';
const log = process.env.CC_NETGUARD_LOG;

function record(line) {
  if (log) appendFileSync(log, `${line}\n`);
}

function refuse(what) {
  return function refused() {
    const line = `${MARKER}: ${what} (pid ${process.pid}, thread ${threadId})`;
    writeSync(2, `${line}\n`);
    record(line);
    throw new Error(`${MARKER}: ${what}`);
  };
}

const targets = {
  net: [net, ['connect', 'createConnection', 'createServer']],
  tls: [tls, ['connect', 'createServer']],
  http: [http, ['request', 'get', 'createServer']],
  https: [https, ['request', 'get', 'createServer']],
  http2: [http2, ['connect', 'createServer', 'createSecureServer']],
  dgram: [dgram, ['createSocket']],
  dns: [
    dns,
    ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'],
  ],
  'dns.promises': [
    dns.promises,
    ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'],
  ],
};
for (const [name, [module, functions]] of Object.entries(targets)) {
  for (const fn of functions) module[fn] = refuse(`${name}.${fn}`);
}
net.Socket.prototype.connect = refuse('net.Socket.prototype.connect');
globalThis.fetch = refuse('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = refuse('WebSocket');
if (globalThis.EventSource) globalThis.EventSource = refuse('EventSource');
syncBuiltinESMExports();

record(`guard loaded (pid ${process.pid}, thread ${threadId})`);
