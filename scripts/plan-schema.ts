// Writes data/plan.schema.json from the zod schema. `npm test` fails when they drift apart.
import { writeFileSync } from 'node:fs';
import { planJsonSchema } from '../src/schema/plan-json-schema.js';

writeFileSync(new URL('../data/plan.schema.json', import.meta.url), planJsonSchema());
console.error('wrote data/plan.schema.json');
