import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from '../../src/schema/plan-json-schema.js';
import { ROOT } from '../helpers/run-mls.js';

describe('plan JSON Schema', () => {
  it('is committed exactly as generated from the zod schema (run `npm run schema` after changing it)', () => {
    expect(readFileSync(join(ROOT, 'data', 'plan.schema.json'), 'utf8')).toBe(planJsonSchema());
  });
});
