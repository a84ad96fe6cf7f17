import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../platform/errors/index.js';

/** Address ranges a webhook may not reach without an administrator's permission (SSRF). */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, 'ipv6');
}

/** True when the address is loopback, private, link-local, shared, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return PRIVATE.check(mapped[1]!, 'ipv4');
    return PRIVATE.check(address, 'ipv6');
  }
  return true;
}

/**
 * Checks a webhook URL: http(s) only, no credentials in it, and every address its host resolves
 * to public, unless `allowPrivate`. Checked when the endpoint is saved and again before each
 * delivery (a name may be re-pointed at an internal address later).
 */
export async function checkWebhookTarget(rawUrl: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new AppError('WEBHOOK_TARGET_REFUSED', { details: { field: 'url', reason: 'not a URL' } });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('WEBHOOK_TARGET_REFUSED', { details: { field: 'url', reason: 'scheme' } });
  if (url.username || url.password) throw new AppError('WEBHOOK_TARGET_REFUSED', { details: { field: 'url', reason: 'credentials in URL' } });
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);
  } catch {
    throw new AppError('WEBHOOK_TARGET_REFUSED', { details: { field: 'url', reason: 'host does not resolve' } });
  }
  if (addresses.length === 0 || addresses.some(isPrivateAddress)) throw new AppError('WEBHOOK_TARGET_REFUSED', { details: { field: 'url', reason: 'private or loopback address' } });
  return url;
}
