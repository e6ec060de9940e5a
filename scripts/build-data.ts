/**
 * Builds the bundled datasets in data/ from the reference files in ../shared.
 *
 *   npm run data:build    rewrite data/ from ../shared/reference
 *   npm run data:verify   rebuild in memory and fail on any difference
 *
 * The CLI never reads ../shared; only this script does.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/store/write-file.js';
import { BUILDERS, renderManifest, renderSourcesMd } from './datasets/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(process.env.MLS_SHARED ?? join(root, '..', 'shared'));
const verify = process.argv.includes('--verify');

async function main(): Promise<number> {
  if (!existsSync(join(shared, 'reference'))) {
    console.error(`data: reference folder not found at ${join(shared, 'reference')} (set MLS_SHARED)`);
    return 2;
  }
  const outputs = new Map<string, string>();
  const metas = [];
  for (const builder of BUILDERS) {
    const started = Date.now();
    const built = await builder.build(join(shared, 'reference'));
    for (const [file, content] of Object.entries(built.files)) outputs.set(file, content);
    metas.push(...built.metas);
    console.error(`data: ${builder.name} built in ${Date.now() - started} ms`);
  }
  outputs.set('SOURCES.md', renderSourcesMd(metas));
  outputs.set('manifest.json', renderManifest(metas));

  let differences = 0;
  for (const [file, content] of outputs) {
    const path = join(root, 'data', file);
    if (verify) {
      const committed = existsSync(path) ? await readFile(path, 'utf8') : null;
      if (committed !== content) {
        differences += 1;
        console.error(`data: data/${file} differs from a rebuild of ${shared}/reference`);
      }
    } else {
      await writeFileAtomic(path, content);
      console.error(`data: wrote data/${file} (${content.length} bytes)`);
    }
  }
  if (verify) {
    if (differences > 0) {
      console.error('data: run `npm run data:build` and commit the result');
      return 1;
    }
    console.error(`data: ${outputs.size} files match their sources`);
  }
  return 0;
}

process.exitCode = await main();
