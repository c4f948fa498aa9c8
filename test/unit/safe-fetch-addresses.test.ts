import { describe, expect, it } from 'vitest';
import { AllowList, judgeAddress, parseIp } from '../../functions/adapters/http/address-policy.js';
import { FetchRefusedError } from '../../functions/adapters/http/fetch-errors.js';
import { resolveAllowedAddress, safeFetch, type ResolvedAddress } from '../../functions/adapters/http/safe-fetch.js';

/** A resolver that never touches the network: names map to the answers a hostile DNS might give. */
const FAKE_DNS: Record<string, string[]> = {
  'metadata.attacker.example': ['169.254.169.254'],
  'intranet.attacker.example': ['10.0.0.5'],
  'mixed.attacker.example': ['93.184.216.34', '10.0.0.5'],
  'v6loop.attacker.example': ['::1'],
  'mapped.attacker.example': ['::ffff:192.168.0.1'],
  'localhost': ['127.0.0.1', '::1'],
  'news.example': ['93.184.216.34'],
  'v6news.example': ['2606:2800:220:1:248:1893:25c8:1946'],
};
const fakeResolve = async (host: string): Promise<ResolvedAddress[]> => {
  const answers = FAKE_DNS[host];
  if (!answers) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
  return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

describe('the fetcher refuses hostile URLs before connecting', () => {
  it.each([
    // loopback, in every notation WHATWG URL or inet_aton accepts
    ['http://127.0.0.1/feed', /loopback/],
    ['http://127.1/', /loopback/],
    ['http://0x7f000001/', /loopback/],
    ['http://2130706433/', /loopback/],
    ['http://0177.0.0.1/', /loopback/],
    ['http://0x7f.0.0.1/', /loopback/],
    ['http://127.255.255.254:8080/', /loopback/],
    ['http://[::1]/', /loopback/],
    ['http://[0:0:0:0:0:0:0:1]/', /loopback/],
    ['http://[::ffff:127.0.0.1]/', /loopback .*127\.0\.0\.1 inside an IPv6/],
    ['http://[::ffff:7f00:1]/', /loopback/],
    ['http://[::127.0.0.1]/', /loopback/],
    // private, link-local (cloud metadata), CGNAT
    ['http://10.0.0.1/', /private/],
    ['http://172.16.0.1/', /private/],
    ['http://172.31.255.255/', /private/],
    ['http://192.168.1.1/', /private/],
    ['http://169.254.169.254/latest/meta-data/', /link-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://100.64.0.1/', /carrier-grade NAT/],
    ['http://100.127.255.255/', /carrier-grade NAT/],
    // multicast, unspecified, broadcast, reserved
    ['http://224.0.0.1/', /multicast/],
    ['http://[ff02::1]/', /multicast/],
    ['http://0.0.0.0/', /unspecified/],
    ['http://0/', /unspecified/],
    ['http://[::]/', /unspecified/],
    ['http://255.255.255.255/', /broadcast/],
    ['http://240.0.0.1/', /reserved/],
    ['http://192.0.2.1/', /reserved/],
    ['http://198.18.0.1/', /reserved/],
    // IPv6 private and IPv4 embedded in IPv6
    ['http://[fc00::1]/', /unique local/],
    ['http://[fd12:3456:789a::1]/', /unique local/],
    ['http://[2002:7f00:1::1]/', /loopback .*127\.0\.0\.1/],
    ['http://[2002:a00:1::1]/', /private .*10\.0\.0\.1/],
    ['http://[64:ff9b::a9fe:a9fe]/', /link-local .*169\.254\.169\.254/],
    ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', /Teredo/],
    ['http://[100::1]/', /non-public/],
    // host names that resolve to non-public addresses (checked after DNS, every answer)
    ['http://metadata.attacker.example/', /metadata\.attacker\.example \(169\.254\.169\.254\) is a link-local/],
    ['http://intranet.attacker.example/', /private/],
    ['http://mixed.attacker.example/', /10\.0\.0\.5\) is a private/],
    ['http://v6loop.attacker.example/', /loopback/],
    ['http://mapped.attacker.example/', /private/],
    ['http://localhost:3000/', /loopback/],
    // schemes, credentials, ports
    ['file:///etc/passwd', /only http and https/],
    ['ftp://news.example/feed', /only http and https/],
    ['gopher://news.example/', /only http and https/],
    ['javascript:alert(1)', /only http and https/],
    ['data:text/xml,<rss/>', /only http and https/],
    ['http://user:secret@news.example/', /credentials/],
    ['http://news.example:25/', /port 25 is not a web port/],
    ['not a url', /not a valid URL/],
    ['http://[fe80::1%25eth0]/', /not a valid URL|link-local/],
  ])('%s', async (url, reason) => {
    const err = await safeFetch(url, { resolve: fakeResolve }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FetchRefusedError);
    expect((err as Error).message).toMatch(reason);
    expect((err as Error).message).not.toContain('\n');
    expect((err as Error).message).not.toContain('secret');
  });
});

describe('public addresses are allowed', () => {
  it.each([
    ['http://93.184.216.34/', '93.184.216.34'],
    ['https://news.example/rss', '93.184.216.34'],
    ['https://v6news.example/rss', '2606:2800:220:1:248:1893:25c8:1946'],
    ['http://[2606:4700:4700::1111]/', '2606:4700:4700::1111'],
    ['http://[::ffff:93.184.216.34]/', '::ffff:5db8:d822'],
    ['http://[2002:5db8:d822::1]/', '2002:5db8:d822::1'],
    ['http://news.example:8080/', '93.184.216.34'],
  ])('%s connects to %s', async (url, address) => {
    const target = await resolveAllowedAddress(new URL(url), new AllowList([]), fakeResolve);
    expect(target.address).toBe(address);
  });
});

describe('AFTERVIEW_ALLOW_HOSTS is the only way around the rules', () => {
  it('allows a listed IP in any notation, and only that IP', async () => {
    const allow = new AllowList(['127.0.0.1', '::1']);
    await expect(resolveAllowedAddress(new URL('http://127.0.0.1:8080/'), allow, fakeResolve)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(resolveAllowedAddress(new URL('http://0x7f000001:8080/'), allow, fakeResolve)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(resolveAllowedAddress(new URL('http://[0:0::1]/'), allow, fakeResolve)).resolves.toMatchObject({ address: '::1' });
    await expect(resolveAllowedAddress(new URL('http://127.0.0.2/'), allow, fakeResolve)).rejects.toBeInstanceOf(FetchRefusedError);
    await expect(resolveAllowedAddress(new URL('http://10.0.0.1/'), allow, fakeResolve)).rejects.toBeInstanceOf(FetchRefusedError);
  });

  it('allows a listed host name whatever it resolves to', async () => {
    const allow = new AllowList(['LocalHost']);
    await expect(resolveAllowedAddress(new URL('http://localhost:3000/'), allow, fakeResolve)).resolves.toMatchObject({ address: '127.0.0.1' });
    await expect(resolveAllowedAddress(new URL('http://intranet.attacker.example/'), allow, fakeResolve)).rejects.toBeInstanceOf(FetchRefusedError);
  });
});

describe('address rules', () => {
  it('read IPv4 in classful, hex and octal notations', () => {
    for (const text of ['0x7f000001', '2130706433', '0177.0.0.1', '127.1']) {
      expect(parseIp(text)?.toString()).toBe('127.0.0.1');
    }
    expect(parseIp('news.example')).toBeNull();
  });

  it('allow global unicast IPv6 only', () => {
    expect(judgeAddress(parseIp('2a00:1450:4001:80b::200e')!)).toEqual({ allowed: true });
    expect(judgeAddress(parseIp('4000::1')!).allowed).toBe(false);
    expect(judgeAddress(parseIp('2001:db8::1')!).allowed).toBe(false);
  });
});
