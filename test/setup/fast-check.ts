import fc from 'fast-check';

// FC_SEED replays a property run (CI prints the seed it draws for each run); without it every
// run draws a fresh seed, which fast-check prints with the counterexample when a property fails.
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
