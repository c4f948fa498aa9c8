import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import * as zod from 'zod';
import * as zodCore from 'zod/v4/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeZodWithoutLocales } from '../../lib/bundling/zod-without-locales.js';

type Module = Record<string, unknown> & { z: Record<string, unknown>; core: Record<string, unknown>; default: unknown };
let slim: Module;

beforeAll(async () => {
  const file = writeZodWithoutLocales(path.resolve(__dirname, '../..'));
  slim = (await import(pathToFileURL(file).href)) as Module;
});

describe('zod without its locales (what the Lambda bundles get for "zod")', () => {
  it('has every export of zod but locales, each the very same value', () => {
    const expected = Object.keys(zod).filter((k) => k !== 'locales').sort();
    expect(Object.keys(slim).sort()).toEqual(expected);
    for (const name of expected.filter((k) => !['z', 'default', 'core'].includes(k))) {
      expect(slim[name], name).toBe((zod as Record<string, unknown>)[name]);
    }
    expect(slim.default).toBe(slim.z);
  });

  it('has a z with the same members as zod\'s z but locales', () => {
    expect(Object.keys(slim.z).sort()).toEqual(Object.keys(zod.z).filter((k) => k !== 'locales').sort());
    expect(slim.z.object).toBe(zod.z.object);
    expect(slim.z.function).toBe(zod.z.function);
    expect(slim.z.locales).toBeUndefined();
  });

  it('has a core with the same members as zod/v4/core but locales', () => {
    expect(Object.keys(slim.core).sort()).toEqual(Object.keys(zodCore).filter((k) => k !== 'locales').sort());
    expect(slim.core.$ZodType).toBe(zodCore.$ZodType);
    expect(slim.z.core).toBe(slim.core);
  });

  it('still speaks English', () => {
    const z = slim.z as unknown as typeof zod.z;
    const issue = z.array(z.string()).min(1).safeParse([]).error?.issues[0];
    expect(issue?.message).toBe('Too small: expected array to have >=1 items');
  });
});
