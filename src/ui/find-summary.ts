/** The lines `mls find` writes to stderr under its results: count, filters, and what to try next. */
import type { FilterResult, PlaceGuidance } from '../catalog/programs.js';
import { deliveryLabel } from './programs.js';
import { wrapWords } from './wrap.js';

export interface FindSummaryInput {
  count: number;
  result: FilterResult;
  asOf: string;
  guidance: PlaceGuidance | null;
  /** Extra notes (an alias that was read, the score legend, the cost caveat). */
  notes: string[];
  /** Terminal width to wrap at; undefined = no wrapping (not a terminal). */
  width?: number;
}

export function findSummary(input: FindSummaryInput): string {
  const { count, result, guidance } = input;
  const filterText = result.applied.length > 0 ? result.applied.join(', ') : 'no filters';
  const lines = [`${count} program${count === 1 ? '' : 's'} · ${filterText} · ALA data as of ${input.asOf}`];
  if (result.unknownDeliveryExcluded > 0) {
    lines.push(`${result.unknownDeliveryExcluded} more left out only because their delivery is unknown in the sources`);
  }
  if (result.mostRemoving) {
    const m = result.mostRemoving;
    lines.push(`No programs match. The filter that removed the most: ${m.label} (${m.removed} of ${m.of}).`);
  }
  if (guidance && count === 0) {
    lines.push(
      `No fully online program is based there, but fully online programs accept students from any state (state authorisation rules vary: check with the school). Without the place filter: ${guidance.withoutPlace} program${guidance.withoutPlace === 1 ? '' : 's'} (mls find --online-only).`,
    );
  }
  if (guidance && guidance.unknownDelivery.length > 0) {
    const names = guidance.unknownDelivery.map((p) => `${p.institution} ${p.degree} (${p.id}, ${deliveryLabel(p)})`);
    lines.push(
      `Not listed because the sources do not say whether they can be completed fully online: ${names.join('; ')}. See mls show <id>.`,
    );
  }
  lines.push(...input.notes);
  const width = input.width;
  return width ? lines.map((l) => wrapWords(l, width)).join('\n') : lines.join('\n');
}
