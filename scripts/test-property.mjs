// Runs the property tests with one seed, printed first: FC_SEED=<seed> replays a run exactly.
import { execFileSync } from 'node:child_process';

const seed = process.env.FC_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`property seed: ${seed}`);
try {
  execFileSync('npx', ['vitest', 'run', 'test/property'], { stdio: 'inherit', env: { ...process.env, FC_SEED: seed } });
} catch {
  console.log(`property tests failed with seed ${seed}; replay with FC_SEED=${seed} npm run test:property`);
  process.exitCode = 1;
}
