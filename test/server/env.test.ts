import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { parseConfig } from '../../server/env.js';

describe('configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    const result = parseConfig({});
    expect(result).toEqual({
      ok: true,
      config: expect.objectContaining({
        port: 8787,
        host: '127.0.0.1',
        dbFile: 'data/catchment.db',
        basemapStyleUrl: null,
        weather: 'scenario',
      }),
    });
  });

  it('refuses private networks to calendar feeds and webhooks unless CATCHMENT_ALLOW_PRIVATE_URLS=1 (or the older CATCHMENT_FEEDS_ALLOW_PRIVATE=1)', () => {
    const off = parseConfig({});
    expect(off.ok && off.config.allowPrivateUrls).toBe(false);
    const on = parseConfig({ CATCHMENT_ALLOW_PRIVATE_URLS: '1' });
    expect(on.ok && on.config.allowPrivateUrls).toBe(true);
    const alias = parseConfig({ CATCHMENT_FEEDS_ALLOW_PRIVATE: '1' });
    expect(alias.ok && alias.config.allowPrivateUrls).toBe(true);
    // The new name wins when both are set.
    const both = parseConfig({
      CATCHMENT_ALLOW_PRIVATE_URLS: '0',
      CATCHMENT_FEEDS_ALLOW_PRIVATE: '1',
    });
    expect(both.ok && both.config.allowPrivateUrls).toBe(false);
    for (const name of ['CATCHMENT_ALLOW_PRIVATE_URLS', 'CATCHMENT_FEEDS_ALLOW_PRIVATE']) {
      const bad = parseConfig({ [name]: 'yes' });
      expect(bad.ok).toBe(false);
      if (!bad.ok) expect(bad.errors.join('\n')).toContain(name);
    }
  });

  it('ignores X-Forwarded-* headers unless CATCHMENT_TRUST_PROXY names how many proxies stand in front', () => {
    const off = parseConfig({});
    expect(off.ok && off.config.trustProxyHops).toBe(0);
    const one = parseConfig({ CATCHMENT_TRUST_PROXY: '1' });
    expect(one.ok && one.config.trustProxyHops).toBe(1);
    const two = parseConfig({ CATCHMENT_TRUST_PROXY: '2' });
    expect(two.ok && two.config.trustProxyHops).toBe(2);
    for (const value of ['true', 'yes', '-1', '0x1', '1.5', '100']) {
      const bad = parseConfig({ CATCHMENT_TRUST_PROXY: value });
      expect(bad.ok, value).toBe(false);
      if (!bad.ok) expect(bad.errors.join('\n')).toContain('CATCHMENT_TRUST_PROXY');
    }
  });

  it('has no geocoder unless CATCHMENT_GEOCODER_URL is set; rate 1 per second and 10 s time-out by default', () => {
    const off = parseConfig({});
    expect(off.ok && off.config.geocoder).toBeNull();
    const on = parseConfig({ CATCHMENT_GEOCODER_URL: 'http://127.0.0.1:8080/search' });
    expect(on.ok && on.config.geocoder).toEqual({
      url: 'http://127.0.0.1:8080/search',
      ratePerSecond: 1,
      timeoutMs: 10_000,
    });
    const tuned = parseConfig({
      CATCHMENT_GEOCODER_URL: 'https://geo.example.org/search',
      CATCHMENT_GEOCODER_RATE: '0.5',
      CATCHMENT_GEOCODER_TIMEOUT_MS: '2500',
    });
    expect(tuned.ok && tuned.config.geocoder).toMatchObject({
      ratePerSecond: 0.5,
      timeoutMs: 2500,
    });
  });

  it('treats empty strings as unset', () => {
    const result = parseConfig({ PORT: '', CATCHMENT_BASEMAP_STYLE: '' });
    expect(result.ok && result.config.port).toBe(8787);
    expect(result.ok && result.config.basemapStyleUrl).toBeNull();
  });

  it('reads every variable it knows', () => {
    const result = parseConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      CATCHMENT_DB: '/tmp/x.db',
      CATCHMENT_BASEMAP_STYLE: 'https://tiles.example.org/styles/positron',
      CATCHMENT_WEATHER: 'open-meteo',
      CATCHMENT_WEATHER_URL: 'http://127.0.0.1:9999/v1/forecast',
      CATCHMENT_ADMIN_EMAIL: 'owner@example.com',
      CATCHMENT_ADMIN_PASSWORD: 'correct horse battery',
      CATCHMENT_DEMO_CUSTOMERS: '1000000',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.config).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      dbFile: '/tmp/x.db',
      weather: 'open-meteo',
      demo: { customers: 1_000_000 },
    });
    expect(result.config.basemapStyleUrl).toBe('https://tiles.example.org/styles/positron');
    expect(result.config.weatherUrl).toBe('http://127.0.0.1:9999/v1/forecast');
    expect((parseConfig({}) as { config: { weatherUrl: string } }).config.weatherUrl).toBe(
      'https://api.open-meteo.com/v1/forecast',
    );
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '-1' }, 'PORT'],
    [{ CATCHMENT_BASEMAP_STYLE: 'not a url' }, 'CATCHMENT_BASEMAP_STYLE'],
    [{ CATCHMENT_BASEMAP_STYLE: 'file:///etc/passwd' }, 'CATCHMENT_BASEMAP_STYLE'],
    [{ CATCHMENT_WEATHER: 'sunny' }, 'CATCHMENT_WEATHER'],
    [{ CATCHMENT_WEATHER_URL: 'ftp://example.org/forecast' }, 'CATCHMENT_WEATHER_URL'],
    [{ CATCHMENT_GEOCODER_URL: 'file:///etc/hosts' }, 'CATCHMENT_GEOCODER_URL'],
    [{ CATCHMENT_GEOCODER_RATE: '0' }, 'CATCHMENT_GEOCODER_RATE'],
    [{ CATCHMENT_GEOCODER_RATE: 'fast' }, 'CATCHMENT_GEOCODER_RATE'],
    [{ CATCHMENT_GEOCODER_TIMEOUT_MS: '5' }, 'CATCHMENT_GEOCODER_TIMEOUT_MS'],
    [{ CATCHMENT_ADMIN_EMAIL: 'nobody' }, 'CATCHMENT_ADMIN_EMAIL'],
    [{ CATCHMENT_ADMIN_PASSWORD: 'short' }, 'CATCHMENT_ADMIN_PASSWORD'],
    [{ CATCHMENT_DEMO_CUSTOMERS: '2000000' }, 'CATCHMENT_DEMO_CUSTOMERS'],
    [{ CATCHMENT_SCRYPT_COST: '9' }, 'CATCHMENT_SCRYPT_COST'],
    [{ CATCHMENT_SCRYPT_COST: '21' }, 'CATCHMENT_SCRYPT_COST'],
    [{ CATCHMENT_SCRYPT_COST: '12.5' }, 'CATCHMENT_SCRYPT_COST'],
    [{ CATCHMENT_SCRYPT_COST: 'cheap' }, 'CATCHMENT_SCRYPT_COST'],
  ])('names the bad variable in %j', (env, name) => {
    const result = parseConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(name);
  });

  it('reports every bad variable at once', () => {
    const result = parseConfig({ PORT: 'x', CATCHMENT_WEATHER: 'y' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toHaveLength(2);
  });

  it('runs one process unless CATCHMENT_WORKERS asks for more, auto meaning one per core, and refuses 0 or words', () => {
    const workers = (value?: string) => {
      const result = parseConfig(value === undefined ? {} : { CATCHMENT_WORKERS: value });
      return result.ok ? result.config.workers : result.errors.join(' ');
    };
    expect(workers()).toBe(1);
    expect(workers('4')).toBe(4);
    expect(workers('auto')).toBe(availableParallelism());
    expect(workers('0')).toMatch(/CATCHMENT_WORKERS/);
    expect(workers('two')).toMatch(/CATCHMENT_WORKERS/);
  });

  it('hashes new passwords at scrypt cost 15 (N = 2^15) unless CATCHMENT_SCRYPT_COST names another from 10 to 20', () => {
    const cost = (env: Record<string, string>) => {
      const result = parseConfig(env);
      return result.ok ? result.config.scryptCost : result.errors.join(' ');
    };
    expect(cost({})).toBe(15);
    expect(cost({ CATCHMENT_SCRYPT_COST: '' })).toBe(15);
    expect(cost({ CATCHMENT_SCRYPT_COST: '10' })).toBe(10);
    expect(cost({ CATCHMENT_SCRYPT_COST: '20' })).toBe(20);
    expect(cost({ CATCHMENT_SCRYPT_COST: '9' })).toMatch(/CATCHMENT_SCRYPT_COST: at least 10/);
    expect(cost({ CATCHMENT_SCRYPT_COST: '21' })).toMatch(/CATCHMENT_SCRYPT_COST: at most 20/);
  });

  it('bounds heavy routes by default, reads in-flight/queue per class, turns the bound off with CATCHMENT_LIMITS=off', () => {
    const limits = (env: Record<string, string>) => {
      const result = parseConfig(env);
      return result.ok ? result.config.heavyLimits : result.errors.join(' ');
    };
    expect(limits({})).toEqual({
      map: { inFlight: 4, queue: 128 },
      analysis: { inFlight: 2, queue: 32 },
      export: { inFlight: 2, queue: 8 },
    });
    expect(limits({ CATCHMENT_LIMIT_ANALYSIS: '3/0' })).toMatchObject({
      analysis: { inFlight: 3, queue: 0 },
    });
    expect(limits({ CATCHMENT_LIMITS: 'off' })).toBeNull();
    expect(limits({ CATCHMENT_LIMIT_MAP: '0/10' })).toMatch(/CATCHMENT_LIMIT_MAP/);
    expect(limits({ CATCHMENT_LIMIT_EXPORT: 'four' })).toMatch(/CATCHMENT_LIMIT_EXPORT/);
    expect(limits({ CATCHMENT_LIMITS: 'no' })).toMatch(/CATCHMENT_LIMITS/);
  });
});
