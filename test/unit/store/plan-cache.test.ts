import { execFileSync } from 'node:child_process';
import {
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { type LoadedPlan, parsePlan } from '../../../src/formats/plan-file.js';
import { cachedPlan, keepPlan, planCacheOn, STALE_ENTRY_MS } from '../../../src/store/plan-cache.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'plans');
const SOURCE = 'build-a';
const homes: string[] = [];
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
});

function setup(file = 'one-term.yaml') {
  const home = mkdtempSync(join(tmpdir(), 'mls-plan-cache-'));
  homes.push(home);
  const env = { XDG_CACHE_HOME: join(home, 'cache') } as NodeJS.ProcessEnv;
  const planPath = join(home, 'plan.yaml');
  const text = readFileSync(join(FIXTURES, file), 'utf8');
  writeFileSync(planPath, text);
  const entries = () => join(home, 'cache', 'mls', 'plans');
  return { home, env, planPath, text, entries };
}

const noHostZone = () => {
  throw new Error('the host zone is asked only for a plan that names none');
};

describe('the plan cache', () => {
  it.each(['one-term.yaml', 'two-years.yaml', 'overloaded.yaml'])(
    'serves %s, unchanged, exactly as it was parsed',
    async (file) => {
      const { env, planPath, text } = setup(file);
      const loaded = await parsePlan(text, 'plan.yaml', 'UTC');
      await keepPlan(planPath, loaded, null, env, SOURCE);
      const cached = cachedPlan(planPath, text, noHostZone, env, SOURCE);
      expect(cached).not.toBeNull();
      expect(isDeepStrictEqual(cached, loaded)).toBe(true);
    },
  );

  it('serves what it holds (a hit does not parse the plan again)', async () => {
    const { env, planPath, text, entries } = setup();
    const loaded = await parsePlan(text, 'plan.yaml', 'UTC');
    await keepPlan(planPath, { ...loaded, plan: { ...loaded.plan, name: 'Kept name' } }, null, env, SOURCE);
    expect(readdirSync(entries())).toHaveLength(1);
    // Private, like the plan it copies may be.
    expect(statSync(join(entries(), readdirSync(entries())[0] as string)).mode & 0o777).toBe(0o600);
    expect(cachedPlan(planPath, text, noHostZone, env, SOURCE)?.plan.name).toBe('Kept name');
  });

  it('never serves another text of the plan, another build, or a plan read under another host zone', async () => {
    const { env, planPath, text } = setup();
    const loaded = await parsePlan(text, 'plan.yaml', 'UTC');
    await keepPlan(planPath, loaded, null, env, SOURCE);
    expect(cachedPlan(planPath, `${text}\n# edited`, noHostZone, env, SOURCE)).toBeNull();
    expect(cachedPlan(planPath, text, noHostZone, env, 'build-b')).toBeNull();
    expect(cachedPlan(join(planPath, '..', 'other.yaml'), text, noHostZone, env, SOURCE)).toBeNull();

    const zoneless = text.replace(/^timezone:.*\n/m, '');
    expect(zoneless).not.toBe(text);
    const inChicago = await parsePlan(zoneless, 'plan.yaml', 'America/Chicago');
    await keepPlan(planPath, inChicago, 'America/Chicago', env, SOURCE);
    expect(cachedPlan(planPath, zoneless, () => 'Europe/London', env, SOURCE)).toBeNull();
    expect(cachedPlan(planPath, zoneless, () => 'America/Chicago', env, SOURCE)?.plan.timezone).toBe('America/Chicago');
  });

  it('ignores a damaged, truncated or foreign entry, and one that is not a regular file', async () => {
    const { env, planPath, text, entries } = setup();
    const loaded = await parsePlan(text, 'plan.yaml', 'UTC');
    await keepPlan(planPath, loaded, null, env, SOURCE);
    const [name] = readdirSync(entries());
    const entry = join(entries(), name as string);
    const good = readFileSync(entry, 'utf8');
    // One digit changed in the body: still JSON, but not what was kept.
    writeFileSync(entry, good.replace('"start":21053', '"start":21054'));
    expect(good).toContain('"start":21053');
    expect(cachedPlan(planPath, text, noHostZone, env, SOURCE)).toBeNull();
    for (const damaged of [
      good.slice(0, good.length - 10),
      'not json\n{}',
      '',
      good.replace('mls-plan-cache-1', 'x'),
    ]) {
      writeFileSync(entry, damaged);
      expect(cachedPlan(planPath, text, noHostZone, env, SOURCE)).toBeNull();
    }
    rmSync(entry);
    execFileSync('mkfifo', [entry]);
    expect(cachedPlan(planPath, text, noHostZone, env, SOURCE)).toBeNull();
  });

  it('replaces a symlink where its entry goes, and never writes through it', async () => {
    const { env, planPath, text, entries, home } = setup();
    const loaded = await parsePlan(text, 'plan.yaml', 'UTC');
    await keepPlan(planPath, loaded, null, env, SOURCE);
    const entry = join(entries(), readdirSync(entries())[0] as string);
    const victim = join(home, 'victim.txt');
    writeFileSync(victim, 'keep me');
    rmSync(entry);
    symlinkSync(victim, entry);
    await keepPlan(planPath, loaded, null, env, SOURCE);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(entry).isFile()).toBe(true);
    expect(cachedPlan(planPath, text, noHostZone, env, SOURCE)).not.toBeNull();
  });

  it('removes entries not rewritten in 90 days when it keeps another, and nothing else', async () => {
    const { env, planPath, text, entries } = setup();
    const loaded = await parsePlan(text, 'plan.yaml', 'UTC');
    await keepPlan(join(planPath, '..', 'old.yaml'), loaded, null, env, SOURCE);
    await keepPlan(join(planPath, '..', 'recent.yaml'), loaded, null, env, SOURCE);
    const [first, second] = readdirSync(entries()) as [string, string];
    const old = new Date(Date.now() - STALE_ENTRY_MS - 60_000);
    utimesSync(join(entries(), first), old, old);
    writeFileSync(join(entries(), 'notes.txt'), 'not an entry');
    utimesSync(join(entries(), 'notes.txt'), old, old);
    await keepPlan(planPath, loaded, null, env, SOURCE);
    expect(readdirSync(entries())).toContain(second);
    expect(readdirSync(entries())).toContain('notes.txt');
    expect(readdirSync(entries())).not.toContain(first);
    expect(readdirSync(entries())).toHaveLength(3);
  });

  it('is off when run from source and with MLS_CODE_CACHE=off, and a cache folder it cannot write is no error', async () => {
    const { env, planPath, text, entries, home } = setup();
    const loaded: LoadedPlan = await parsePlan(text, 'plan.yaml', 'UTC');
    expect(planCacheOn(env, undefined)).toBe(false);
    await keepPlan(planPath, loaded, null, { ...env, MLS_CODE_CACHE: 'off' }, SOURCE);
    await keepPlan(planPath, loaded, null, env, undefined);
    expect(() => readdirSync(entries())).toThrow();
    // A file where the cache folder should be: no folder can be made there (not even by root).
    writeFileSync(join(home, 'cache'), 'not a folder');
    await expect(keepPlan(planPath, loaded, null, env, SOURCE)).resolves.toBeUndefined();
  });
});
