import { describe, expect, it } from 'vitest';
import { coreName, editDistance, withoutKind } from '../../../src/catalog/query-rules.js';

describe('query rules', () => {
  it.each([
    ['univeristy', 'university', 1],
    ['michgan', 'michigan', 1],
    ['drexl', 'drexel', 1],
    ['harvard', 'harvard', 0],
    ['syracuse', 'toronto', 3],
  ])('editDistance(%s, %s) = %i (capped at 3)', (a, b, d) => expect(editDistance(a, b, 3)).toBe(d));

  it.each([
    ['valdosta state university', 'valdosta'],
    ['kent state university', 'kent'],
    ['university of north texas', 'texas'],
  ])('coreName(%s) = %j', (name, core) => expect(coreName(name)).toBe(core));

  it.each([
    ['st johns college', 'st johns'],
    ['eastern florida state college', 'eastern florida state'],
  ])('withoutKind(%s) = %s', (name, rest) => expect(withoutKind(name)).toBe(rest));
});
