import { describe, expect, it } from 'vitest';
import { PARTS as BUILD_PARTS } from '../../../scripts/parts.mjs';
import { bundleFor, cacheName } from '../../../src/boot.js';

/** The parts as the build defines them, each with a made-up hash. */
const PARTS = Object.fromEntries(
  Object.entries(BUILD_PARTS).map(([name, { without: _, ...part }], i) => [
    name,
    { ...part, id: String(i).repeat(16) },
  ]),
);
const WHOLE = 'm'.repeat(16);
const part = (...args: string[]) => bundleFor(['node', 'mls', ...args], PARTS, WHOLE).name;

describe('bundleFor: which bundle runs a command', () => {
  it.each([
    [['find', '--online-only'], 'catalog'],
    [['check', 'SJSU'], 'catalog'],
    [['show', 'drexel', '--career', 'GIS'], 'catalog'],
    [['careers'], 'catalog'],
    [['plan', 'build', 'plan.yaml'], 'plan-build'],
    [['plan', 'check'], 'plan'],
    [['plan', 'done', '2'], 'plan'],
    [['plan', 'import', 'feed.ics'], 'mls'],
    [['plan', 'init'], 'mls'],
    [['plan'], 'mls'],
    [['plan', '--help'], 'mls'],
    [['plan', 'bulid'], 'mls'],
    [['data', 'info'], 'mls'],
    [['help', 'find'], 'mls'],
    [['--version'], 'mls'],
    [[], 'mls'],
    [['fnd'], 'mls'],
  ])('%j -> %s', (args, expected) => expect(part(...args)).toBe(expected));

  it('gives the hash of the bundle it chose, so a cache fits only that bundle', () => {
    expect(bundleFor(['node', 'mls', 'find'], PARTS, WHOLE).id).toBe(PARTS.catalog?.id);
    expect(bundleFor(['node', 'mls', 'data', 'info'], PARTS, WHOLE).id).toBe(WHOLE);
  });

  it('keeps one cache per command whichever bundle runs it', () => {
    expect(cacheName(['node', 'mls', 'plan', 'build'])).toBe('plan-build');
    expect(cacheName(['node', 'mls', 'find', '--career', 'GIS'])).toBe('find-departments');
  });
});
