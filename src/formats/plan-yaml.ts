/** A new plan file's text, as `mls plan init` writes it. */
import { stringify } from 'yaml';
import type { PlanInput } from '../schema/plan.js';

export function planYaml(plan: PlanInput): string {
  // Times are quoted: YAML 1.1 tools read an unquoted 19:00 as a number (sexagesimal).
  const body = stringify(plan, { lineWidth: 0 }).replace(/^(\s*-?\s*(?:start|end): )(\d{2}:\d{2})$/gm, '$1"$2"');
  return `# mls study plan, written by \`mls plan init\`. Edit freely; every field is described by \`mls plan example\`.\n${body}`;
}
