/** Fuzzy name search with fuse.js; loaded only when exact lookups find nothing. */
import Fuse from 'fuse.js';
import type { FuzzySearch } from './institution-match.js';

export const fuseSearch: FuzzySearch = (names, query, limit) =>
  new Fuse(names as string[], { includeScore: true, threshold: 0.4, ignoreLocation: true })
    .search(query, { limit })
    .map((r) => ({ index: r.refIndex, distance: r.score ?? 1 }));
