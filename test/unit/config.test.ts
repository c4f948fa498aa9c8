import { describe, expect, it } from 'vitest';
import { assertDeploymentSettings, ConfigError, loadConfig } from '../../functions/config/env.js';

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

  it('takes host names and IP addresses in AFTERVIEW_ALLOW_HOSTS, and refuses anything else, naming it', () => {
    const config = loadConfig({ AFTERVIEW_ALLOW_HOSTS: 'localhost, 127.0.0.1,::1, [::1], feeds.example.com., news_server, 10.0.0.8' });
    expect(config.allowHosts).toEqual(['localhost', '127.0.0.1', '::1', '[::1]', 'feeds.example.com.', 'news_server', '10.0.0.8']);
    for (const [value, bad] of [
      ['http://x/', 'http://x/'],
      ['localhost, 127.0.0.1:8080', '127.0.0.1:8080'],
      ['feeds.example.com/rss', 'feeds.example.com/rss'],
      ['-bad-.example', '-bad-.example'],
      ['a b', 'a b'],
    ]) {
      expect(() => loadConfig({ AFTERVIEW_ALLOW_HOSTS: value }), value).toThrowError(
        new ConfigError(`bad configuration: AFTERVIEW_ALLOW_HOSTS: "${bad}" is not a host name or an IP address; list host names or IP addresses separated by commas, like localhost,127.0.0.1 (got "${value}")`),
      );
    }
  });

  it('refuses two of local mode\'s ports set to the same number, naming both', () => {
    expect(() => loadConfig({ PORT: '3300', AFTERVIEW_SES_PORT: '3300' })).toThrowError(
      new ConfigError('bad configuration: PORT and AFTERVIEW_SES_PORT are both 3300; each part of local mode needs a port of its own'),
    );
    expect(() => loadConfig({ AFTERVIEW_DYNAMODB_PORT: '3000' })).toThrowError(/PORT and AFTERVIEW_DYNAMODB_PORT are both 3000/);
    expect(() => loadConfig({ PORT: '4000', AFTERVIEW_SES_PORT: '4000', AFTERVIEW_DYNAMODB_PORT: '4000' })).toThrowError(
      /PORT, AFTERVIEW_SES_PORT and AFTERVIEW_DYNAMODB_PORT are all 4000/,
    );
    // On AWS local mode's ports are not used.
    expect(loadConfig({ AFTERVIEW_RUNTIME: 'aws', PORT: '8005' }).port).toBe(8005);
  });

  it('on AWS, names the deployment variables that are missing instead of trying the local defaults', () => {
    const bare = loadConfig({ AFTERVIEW_RUNTIME: 'aws' });
    expect(() => assertDeploymentSettings(bare, ['table', 'mail'], 'poll')).toThrowError(
      new ConfigError('bad configuration: AFTERVIEW_TABLE_NAME, AFTERVIEW_SENDER and AWS_REGION must be set for poll on AWS (AFTERVIEW_RUNTIME=aws)'),
    );
    const withTable = loadConfig({ AFTERVIEW_RUNTIME: 'aws', AFTERVIEW_TABLE_NAME: 'Data-Table-1', AWS_REGION: 'eu-west-1' });
    expect(() => assertDeploymentSettings(withTable, ['table'], 'ses-events')).not.toThrow();
    expect(() => assertDeploymentSettings(withTable, ['table', 'mail'], 'digest')).toThrowError(
      new ConfigError('bad configuration: AFTERVIEW_SENDER must be set for digest on AWS (AFTERVIEW_RUNTIME=aws)'),
    );
    // Local mode has its own table and sender.
    expect(() => assertDeploymentSettings(loadConfig({}), ['table', 'mail'], 'poll')).not.toThrow();
  });
});
