// The address classifier behind the feed fetcher's SSRF defence: every special range named, public addresses pass,
// IPv6 spellings (compressed, bracketed, zone ids, IPv4-mapped) read the same as their long forms.
import { describe, expect, it } from 'vitest';
import { addressRange, clientBlock, describeRange } from '../../server/domain/ip-ranges.js';

describe('classifying IP addresses', () => {
  it.each([
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this-network'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.255', 'shared'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456:789a::1', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['0:0:0:0:0:ffff:192.168.0.1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['64:ff9b::169.254.169.254', 'link-local'],
  ])('%s is %s', (address, range) => {
    expect(addressRange(address)).toBe(range);
  });

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '172.32.0.1',
    '172.15.255.255',
    '100.63.255.255',
    '100.128.0.1',
    '192.169.0.1',
    '169.253.0.1',
    '2606:4700:4700::1111',
    '2001:db8:85a3::8a2e:370:7334',
    '::ffff:8.8.8.8',
    '[2a00:1450:4001:82b::200e]',
  ])('%s is public', (address) => {
    expect(addressRange(address)).toBeNull();
  });

  it.each([
    '',
    'localhost',
    '256.1.1.1',
    '1.2.3',
    '1.2.3.4.5',
    '::1::2',
    '12345::1',
    '1:2:3:4:5:6:7:8:9',
    'fe80::zz',
    '::ffff:300.1.1.1',
  ])('%j is not an address', (text) => {
    expect(addressRange(text)).toBe('invalid');
  });

  it('says why in words', () => {
    expect(describeRange('10.0.0.5', 'private')).toBe('address 10.0.0.5 is in a private network');
    expect(describeRange('169.254.169.254', 'link-local')).toMatch(/metadata/);
  });
});

describe('the block of addresses one client holds (for sign-in throttling)', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8:1:2:aaaa::1', '2001:db8:1:2::/64'],
    ['[2001:0db8:0001:0002:ffff:1:2:3]', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['unknown', 'unknown'],
  ])('%s counts as %s', (address, block) => {
    expect(clientBlock(address)).toBe(block);
  });
});
