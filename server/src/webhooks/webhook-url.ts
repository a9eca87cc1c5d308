// Which URLs the server may call: http(s) only, no credentials in them, and no host
// that is or resolves to a loopback, private, link-local or otherwise non-public
// address (server-side request forgery), unless WEBHOOK_ALLOW_PRIVATE is set. Checked
// when an endpoint is saved, and again as every delivery connects: a name's
// addresses can change after it was saved.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { WEBHOOK_URL_MAX } from './webhook.enums.js';

/** Ranges no webhook may reach: IANA's special-purpose registries, minus the global ones. */
const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and broadcast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo and others)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address of any kind
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address an IPv6 one embeds (IPv4-mapped, IPv4-compatible, NAT64), or null. */
function embeddedIpv4(address: string): string | null {
  const match = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1]!;
  // The same in hex form, as URL parsing writes it: ::ffff:7f00:1.
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Whether an IP address is one a webhook may be sent to. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NON_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const v4 = embeddedIpv4(address);
  if (v4 !== null) return isPublicAddress(v4);
  return !NON_PUBLIC.check(address, 'ipv6');
}

export type WebhookUrlProblem = 'INVALID' | 'TOO_LONG' | 'PRIVATE_ADDRESS' | 'UNRESOLVABLE';

export class WebhookUrlError extends Error {
  constructor(
    readonly problem: WebhookUrlProblem,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookUrlError';
  }
}

/** The URL's host as an address or a name, without IPv6 brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Parses and normalises a webhook URL, without resolving it. */
function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new WebhookUrlError('INVALID', 'Enter a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new WebhookUrlError('INVALID', 'Only http and https URLs can receive webhooks.');
  // Credentials in a URL end up in logs and lists; the signature authenticates instead.
  if (url.username !== '' || url.password !== '')
    throw new WebhookUrlError('INVALID', 'A webhook URL may not contain a user name or password.');
  if (url.hostname === '') throw new WebhookUrlError('INVALID', 'Enter a valid URL.');
  url.hash = '';
  if (url.href.length > WEBHOOK_URL_MAX)
    throw new WebhookUrlError('TOO_LONG', `Ensure this field has no more than ${WEBHOOK_URL_MAX} characters.`);
  return url;
}

const refusedMessage = (address: string) =>
  `The host is or resolves to a loopback, private or link-local address (${address}); webhooks are only sent to public addresses.`;

/** All the addresses a host name resolves to, as the delivery will see them. */
function resolveAll(host: string): Promise<LookupAddress[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses)));
  });
}

/**
 * Checks that `raw` is a URL webhooks may be sent to: resolves its host and checks
 * every address it resolves to, as any one of them may be the one connected to.
 */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (allowPrivate) return url;
  const host = hostOf(url);
  if (isIP(host) !== 0) {
    if (!isPublicAddress(host)) throw new WebhookUrlError('PRIVATE_ADDRESS', refusedMessage(host));
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await resolveAll(host);
  } catch {
    throw new WebhookUrlError('UNRESOLVABLE', 'The host name does not resolve to any address.');
  }
  const refused = addresses.find((a) => !isPublicAddress(a.address));
  if (refused) throw new WebhookUrlError('PRIVATE_ADDRESS', refusedMessage(refused.address));
  return url;
}

/** Raised from the connection's lookup when the host resolves to a refused address. */
export class AddressRefusedError extends Error {
  constructor(readonly address: string) {
    super(refusedMessage(address));
    this.name = 'AddressRefusedError';
  }
}

/**
 * The `lookup` a delivery connects with: resolves the name and refuses it when any
 * address is not public, so the address connected to is the one checked (no second
 * resolution in between that could answer differently).
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  // LookupFunction's callback answers one address or, with `all`, a list: one signature for both.
  type Callback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;
  return (hostname: string, options: LookupOptions, callback: Callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, []);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new AddressRefusedError(refused.address), []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), []);
      return callback(null, first.address, first.family);
    });
  };
}

/** An IP literal host refused before connecting: Node connects to literals without a lookup. */
export function refusedLiteralHost(url: URL, allowPrivate: boolean): string | null {
  const host = hostOf(url);
  return !allowPrivate && isIP(host) !== 0 && !isPublicAddress(host) ? host : null;
}
