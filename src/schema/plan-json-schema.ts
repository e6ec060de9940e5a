import * as z from 'zod/mini';
import { planSchema } from './plan.js';

/** The plan file's JSON Schema, generated from the zod schema (for editors and other tools). */
export function planJsonSchema(): string {
  const schema = z.toJSONSchema(planSchema, { io: 'input', target: 'draft-2020-12' });
  const withMeta = { title: 'mls study plan', ...schema };
  return `${JSON.stringify(withMeta, null, 2)}\n`;
}
