import { describe, expect, it } from 'vitest';
import { networkOf } from '../../functions/http/client.js';
import { maskEmail } from '../../functions/domain/masked-email.js';

describe('the client network per-client limits count', () => {
  it.each([
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:0DB8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['[2001:db8:a:b::c]', '2001:db8:a:b::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['198.51.100.7', '198.51.100.7'],
    ['::ffff:198.51.100.7', '198.51.100.7'],
    ['::ffff:c633:6407', '198.51.100.7'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, network) => {
    expect(networkOf(address)).toBe(network);
  });
});

describe('masked addresses on sign-in pages', () => {
  it.each([
    ['dana.lee@example.com', 'd•••@example.com'],
    ['D@Example.COM', 'D•••@example.com'],
    ['élodie@exemple.fr', 'é•••@exemple.fr'],
    ['😀smile@example.com', '😀•••@example.com'],
    ['"odd@name"@example.com', '"•••@example.com'],
    ['no-at-sign', '•••'],
  ])('%s → %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });
});
