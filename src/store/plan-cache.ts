/**
 * A plan as mls last read it, kept in the user cache folder, so that the commands run on a plan
 * that has not changed since (`plan build`, `today`, `week`, `status`, `done`, `skip`) need not
 * parse its YAML and check it against the schema again: on a two-year plan that is ~10 ms, and
 * building the schema alone costs every run ~4 ms (docs/ARCHITECTURE.md).
 *
 * An entry serves only the same plan text read by the same build of mls on the same Node.js
 * (its time zone names come from Node's ICU), and, for a plan that names no zone, the same
 * host zone. It is an optimisation: anything wrong with it (missing, damaged, foreign, not a
 * regular file, an unwritable cache folder) only means the plan is parsed as usual. Each file
 * holds a header line (what it serves and a SHA-256 of the rest) and the plan as JSON; an entry
 * not rewritten in 90 days is removed when another is kept.
 * MLS_CODE_CACHE=off runs without it.
 */
import { hash } from 'node:crypto';
import { lstatSync, readdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { LoadedPlan } from '../formats/plan-file.js';
import { userCacheDir } from './paths.js';
import { readCacheFile } from './read-cache-file.js';
import { writeFileAtomic } from './write-file.js';

/** Set by scripts/build.mjs: a hash of the source and the locked dependencies. Undefined when run from source. */
declare const __MLS_SOURCE__: string | undefined;
const SOURCE = typeof __MLS_SOURCE__ === 'string' ? __MLS_SOURCE__ : undefined;

const FORMAT = 'mls-plan-cache-1';
/** An entry not rewritten for this long belongs to a plan no longer used (or moved): removed when another is kept. */
export const STALE_ENTRY_MS = 90 * 24 * 60 * 60 * 1000;
/** A two-year plan is ~60 KB as JSON; anything much larger is not an entry of ours. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

type Parsed = Omit<LoadedPlan, 'text'>;

interface Header {
  format: string;
  /** SHA-256 of what the entry serves: build, Node.js and its zone data, the plan text. */
  key: string;
  /** The host zone the plan was read with, when it names none (else null). */
  hostZone: string | null;
  /** SHA-256 of the JSON line that follows. */
  body: string;
}

const sha256 = (text: string): string => hash('sha256', text, 'hex');

/** Whether the cache is used at all: only in the built program, and not with MLS_CODE_CACHE=off. */
export function planCacheOn(env: NodeJS.ProcessEnv, source: string | undefined = SOURCE): source is string {
  return source !== undefined && env.MLS_CODE_CACHE !== 'off';
}

function entryPath(planPath: string, env: NodeJS.ProcessEnv): string {
  return join(userCacheDir(env), 'plans', `${sha256(resolve(planPath)).slice(0, 24)}.json`);
}

function keyOf(text: string, source: string): string {
  return sha256(`${FORMAT}\0${source}\0${process.version}\0${process.versions.tz ?? ''}\0${text}`);
}

/**
 * The plan at `planPath` as read last time from the same `text`, or null. `hostZone` is asked
 * only when the plan names no zone (it costs an Intl call).
 */
export function cachedPlan(
  planPath: string,
  text: string,
  hostZone: () => string,
  env: NodeJS.ProcessEnv,
  source: string | undefined = SOURCE,
): LoadedPlan | null {
  if (!planCacheOn(env, source)) return null;
  const data = readCacheFile(entryPath(planPath, env), MAX_ENTRY_BYTES)?.toString('utf8');
  if (data === undefined) return null;
  const newline = data.indexOf('\n');
  try {
    const header = JSON.parse(data.slice(0, newline)) as Header;
    const body = data.slice(newline + 1);
    if (header.format !== FORMAT || header.key !== keyOf(text, source) || header.body !== sha256(body)) return null;
    if (header.hostZone !== null && header.hostZone !== hostZone()) return null;
    const parsed = JSON.parse(body) as Parsed;
    return { ...parsed, text };
  } catch {
    return null;
  }
}

const ENTRY_NAME = /^[0-9a-f]{24}\.json$/;

function removeStaleEntries(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!ENTRY_NAME.test(name)) continue;
    const stats = lstatSync(join(dir, name), { throwIfNoEntry: false });
    if (stats && now - stats.mtimeMs > STALE_ENTRY_MS) rmSync(join(dir, name), { force: true });
  }
}

/**
 * Keeps `loaded` for the next run. `hostZone` is the zone the plan was read with when it names
 * none. A plan JSON would not give back exactly is not kept. Never fails the run.
 */
export async function keepPlan(
  planPath: string,
  loaded: LoadedPlan,
  hostZone: string | null,
  env: NodeJS.ProcessEnv,
  source: string | undefined = SOURCE,
): Promise<void> {
  if (!planCacheOn(env, source)) return;
  try {
    const parsed: Parsed = { plan: loaded.plan, file: loaded.file };
    const body = JSON.stringify(parsed);
    if (!isDeepStrictEqual(JSON.parse(body), parsed)) return;
    const header: Header = { format: FORMAT, key: keyOf(loaded.text, source), hostZone, body: sha256(body) };
    const path = entryPath(planPath, env);
    // The one write path follows a symlink to write its target, as a user's output wants; a link
    // in the cache folder is only replaced.
    if (lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) unlinkSync(path);
    // Private, like the plan it copies may be.
    await writeFileAtomic(path, `${JSON.stringify(header)}\n${body}`, 0o600);
    removeStaleEntries(dirname(path));
  } catch {
    // A read-only or full cache folder only means the plan is parsed again next time.
  }
}
