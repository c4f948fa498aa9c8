import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/config/env.js';

describe('loadConfig', () => {
  it('gives the documented defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      sesPort: 8005,
      dynamodbPort: 4567,
      dataDir: '.data',
      publicUrl: 'http://127.0.0.1:3000',
      newsBaseUrl: 'https://news.google.com',
      allowHosts: [],
      schedule: true,
      runtime: 'local',
      dynamodbEndpoint: 'http://127.0.0.1:4567',
      sesEndpoint: 'http://127.0.0.1:8005',
    });
  });

  it('derives the public URL from PORT and reads the allow list', () => {
    const config = loadConfig({ PORT: '3100', AFTERVIEW_ALLOW_HOSTS: ' 127.0.0.1, Localhost ,', AFTERVIEW_SCHEDULE: 'off' });
    expect(config.publicUrl).toBe('http://127.0.0.1:3100');
    expect(config.allowHosts).toEqual(['127.0.0.1', 'localhost']);
    expect(config.schedule).toBe(false);
  });

  it('sends as fast as local mode allows, and at the account\'s rate on AWS, with a one-minute lease', () => {
    expect(loadConfig({}).outbox).toEqual({ leaseSeconds: 60, attemptTimeoutMs: 5_000, sendRate: null });
    expect(loadConfig({ AFTERVIEW_RUNTIME: 'aws' }).outbox.sendRate).toBe('account');
    expect(loadConfig({ AFTERVIEW_RUNTIME: 'aws', AFTERVIEW_SEND_RATE: '14' }).outbox.sendRate).toBe(14);
    expect(loadConfig({ AFTERVIEW_SEND_RATE: 'off', AFTERVIEW_RUNTIME: 'aws' }).outbox.sendRate).toBeNull();
    // A short lease keeps each attempt to a quarter of it.
    expect(loadConfig({ AFTERVIEW_OUTBOX_LEASE_SECONDS: '4' }).outbox).toMatchObject({ leaseSeconds: 4, attemptTimeoutMs: 1_000 });
  });

  it('has no local endpoints on AWS', () => {
    const config = loadConfig({ AFTERVIEW_RUNTIME: 'aws', AFTERVIEW_TABLE_NAME: 'Data-Table-1', AWS_REGION: 'eu-west-1' });
    expect(config.dynamodbEndpoint).toBeUndefined();
    expect(config.tableName).toBe('Data-Table-1');
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a port number \(got "abc"\)/],
    [{ PORT: '70000' }, /PORT must be between 1 and 65535/],
    [{ AFTERVIEW_SCHEDULE: 'sometimes' }, /AFTERVIEW_SCHEDULE must be "on" or "off"/],
    [{ AFTERVIEW_PUBLIC_URL: 'ftp://x' }, /AFTERVIEW_PUBLIC_URL must be an http\(s\) URL/],
    [{ AWS_REGION: 'mars' }, /AWS_REGION must be an AWS region/],
    [{ AFTERVIEW_SEND_RATE: 'fast' }, /AFTERVIEW_SEND_RATE must be "off", "account" or a number of messages per second \(got "fast"\)/],
    [{ AFTERVIEW_SEND_RATE: '-1' }, /AFTERVIEW_SEND_RATE must be "off", "account" or a number/],
    [{ AFTERVIEW_OUTBOX_LEASE_SECONDS: '1' }, /AFTERVIEW_OUTBOX_LEASE_SECONDS must be between 2 and 900 seconds/],
  ])('refuses %o with one clear line', (env, message) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    try {
      loadConfig(env);
    } catch (err) {
      expect((err as Error).message).toMatch(message);
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('names every bad value in the one line', () => {
    expect(() => loadConfig({ PORT: 'x', AFTERVIEW_SES_PORT: 'y' })).toThrowError(/PORT .*; AFTERVIEW_SES_PORT/);
  });
});
