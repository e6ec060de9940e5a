/**
 * The one resolver for `mls check` and `mls show`: which institution a query means, a DAPIP
 * institution (United States) or an ALA host outside the U.S. that DAPIP does not cover.
 *
 * Safety rules (docs/check.md; each has unit tests in test/unit/catalog/check-target.test.ts):
 * 1. Junk is refused: empty, punctuation only, over 200 characters, a number that is no id.
 * 2. Names are tried from the most to the least trusted: our curated aliases and former names,
 *    exact DAPIP and IPEDS current names, IPEDS-reported aliases, a trailing place that
 *    qualifies the rest ("Drexel Philadelphia"), words, initials, then spelling.
 * 3. An additional location (branch, site) matches only when the query names it: its own
 *    name, or a distinctive word of its parent's name, never a state, a city or "University".
 * 4. A query that is one generic word (a state or province, a city, a common word such as
 *    "Western") never resolves on its own: it gets candidates.
 * 5. ALA hosts rank first among equal candidates and are marked.
 */

import type { Program } from '../schema/datasets.js';
import type { IndexEntry } from './dapip-index.js';
import { FORMER_NAMES, OUTSIDE_HOST_ALIASES } from './institution-aliases.js';
import {
  type Alias,
  byAcronym,
  byAliasTable,
  byExactName,
  byFuzzy,
  byIds,
  byIpedsName,
  byWords,
  type Candidate,
  type FuzzySearch,
  type LookupIndex,
  type MatchHow,
  parseIdQuery,
  wordScore,
} from './institution-match.js';
import { canonicalName } from './institution-names.js';
import {
  COMMON_WORDS,
  coreName,
  editDistance,
  type QueryProblem,
  queryProblem,
  REGION_NAMES,
  SCHOOL_WORDS,
  withoutKind,
} from './query-rules.js';
import { REGIONS } from './regions.js';

export { MAX_QUERY_LENGTH, type QueryProblem, queryProblem } from './query-rules.js';

interface MatchInfo {
  how: MatchHow;
  /** What matched, for "matched the former name Simmons College". */
  matched: string;
  /** A place in the query that narrowed the match ("Seattle"). */
  place: string | null;
  alaHost: boolean;
  score: number;
}

export type CheckCandidate =
  | ({ kind: 'doe'; entry: IndexEntry } & MatchInfo)
  | ({
      kind: 'outside';
      institution: string;
      city: string | null;
      region: string;
      country: Program['country'];
    } & MatchInfo);

export interface CheckTarget {
  /** Set when the query clearly means one institution. */
  resolved: CheckCandidate | null;
  /** Ranked candidates when it does not (empty = not found). */
  candidates: CheckCandidate[];
  /** Junk input: no lookup was made. */
  problem: QueryProblem | null;
  /** The query is one generic word: candidates, never a verdict. */
  generic: boolean;
}

export interface ResolveOptions {
  aliases: readonly Alias[];
  state?: string;
  fuzzy?: FuzzySearch;
  limit?: number;
}

/** The ALA hosts (by DAPIP id) and the outside-the-U.S. ones (by name). */
function hostIds(programs: readonly Program[]): Set<string> {
  return new Set(programs.flatMap((p) => (p.doe ? [p.doe.dapipId] : [])));
}

/** The ALA host names, as aliases for their DAPIP records. */
export function alaHostAliases(programs: readonly Program[]): Alias[] {
  return programs.filter((p) => p.doe).map((p) => ({ alias: p.institution, opeIds: [p.doe?.opeId ?? ''] }));
}

type Outside = Extract<CheckCandidate, { kind: 'outside' }>;

const hasIds = (c: CheckCandidate) => c.kind === 'doe' && (c.entry.opeId !== null || c.entry.unitIds.length > 0);

function outsideHosts(programs: readonly Program[]): Outside[] {
  const seen = new Map<string, Outside>();
  for (const p of programs) {
    if (p.doe || seen.has(p.institution)) continue;
    seen.set(p.institution, {
      kind: 'outside',
      institution: p.institution,
      city: p.city,
      region: p.region,
      country: p.country,
      how: 'exact',
      matched: p.institution,
      place: null,
      alaHost: true,
      score: 1,
    });
  }
  return [...seen.values()];
}

class Resolver {
  private readonly names: string[];
  private readonly hosts: Set<string>;
  private readonly outside: Outside[];
  private readonly limit: number;

  constructor(
    private readonly index: LookupIndex,
    private readonly programs: readonly Program[],
    private readonly options: ResolveOptions,
  ) {
    this.names = index.canonicals();
    this.hosts = hostIds(programs);
    this.outside = options.state ? [] : outsideHosts(programs);
    this.limit = options.limit ?? 10;
  }

  isCity(canonical: string): boolean {
    return this.index.cities().has(canonical);
  }

  /** A state, a city (unless it is also exactly one institution's distinctive name), or only common words. */
  isGeneric(canonical: string): boolean {
    const words = canonical.split(' ');
    if (words.length === 1 && COMMON_WORDS.has(canonical)) return true;
    if (REGION_NAMES.has(canonical)) return true;
    if (words.length > 3 || !this.isCity(canonical)) return false;
    let distinctive = 0;
    this.names.forEach((name, i) => {
      if (name.includes(canonical) && coreName(name) === canonical && this.index.entry(i).parent === null)
        distinctive += 1;
    });
    return distinctive !== 1;
  }

  private isPlace(canonical: string): boolean {
    return REGION_NAMES.has(canonical) || this.isCity(canonical);
  }

  private doe(c: Candidate, place: string | null = null): CheckCandidate {
    const entry = this.index.entry(c.index);
    const alaHost = this.hosts.has(entry.id);
    const bonus = (entry.parent === null ? 0.05 : 0) + (alaHost ? 0.001 : 0);
    return { kind: 'doe', entry, how: c.how, matched: c.matched, place, alaHost, score: Math.min(1, c.score + bonus) };
  }

  /** Rule 3: an additional location needs its own name or a distinctive word of its parent's. */
  private locationNamed(c: CheckCandidate, words: readonly string[], generic: boolean): boolean {
    if (c.kind !== 'doe' || c.entry.parent === null || c.how === 'id') return true;
    if (c.how === 'fuzzy' || c.how === 'acronym') return false;
    if (c.how !== 'words') return !generic && !this.isPlace(words.join(' '));
    const telling = words.filter((w) => !COMMON_WORDS.has(w) && !this.isPlace(w));
    if (telling.length === 0 && words.length <= 1) return false;
    const parentLine = this.index.lineOfId(c.entry.parent);
    const parent = parentLine === undefined ? '' : (this.names[parentLine] ?? '');
    const parentWords = ` ${parent} `;
    const distinctive = words.some((w) => !COMMON_WORDS.has(w) && !this.isPlace(w) && parentWords.includes(` ${w}`));
    const parentInFull =
      parent !== '' && parent.split(' ').every((w) => words.includes(w)) && words.length > parent.split(' ').length;
    return distinctive || parentInFull;
  }

  private inState(c: CheckCandidate): boolean {
    if (!this.options.state) return true;
    return c.kind === 'doe' && c.entry.state === this.options.state;
  }

  /** Drops repeats, locations whose parent is listed too, and what the rules exclude; ranks. */
  private finish(list: CheckCandidate[], words: readonly string[], generic: boolean): CheckCandidate[] {
    const seen = new Set<string>();
    const kept = list.filter((c) => {
      const key = c.kind === 'doe' ? c.entry.id : `outside:${c.institution}`;
      if (seen.has(key) || !this.inState(c) || !this.locationNamed(c, words, generic)) return false;
      seen.add(key);
      return true;
    });
    const ids = new Set(kept.flatMap((c) => (c.kind === 'doe' ? [c.entry.id] : [])));
    const distinct = kept.filter((c) => c.kind !== 'doe' || c.entry.parent === null || !ids.has(c.entry.parent));
    // Rule 5: equal scores (to two decimals) put ALA hosts first.
    const rank = (c: CheckCandidate) => Math.round(c.score * 100);
    return distinct.sort((a, b) => rank(b) - rank(a) || Number(b.alaHost) - Number(a.alaHost));
  }

  /**
   * DAPIP has a few duplicate records of one institution (a second "Boston University" with no
   * OPEID or UNITID): when the only other candidates are id-less namesakes in the same state,
   * the one with ids is meant.
   */
  private withIds(list: CheckCandidate[]): CheckCandidate[] {
    const [first, ...rest] = [...list].sort((a, b) => Number(hasIds(b)) - Number(hasIds(a)));
    if (!first || rest.length === 0 || first.kind !== 'doe' || !hasIds(first)) return list;
    const namesakes = rest.every(
      (c) =>
        c.kind === 'doe' &&
        !hasIds(c) &&
        c.entry.canonical === first.entry.canonical &&
        c.entry.state === first.entry.state,
    );
    return namesakes ? [first] : list;
  }

  private outcome(list: CheckCandidate[], confident: boolean, generic: boolean): CheckTarget {
    const candidates = generic ? [...list].sort((a, b) => Number(b.alaHost) - Number(a.alaHost)) : list;
    return {
      resolved: confident && !generic && candidates[0] ? candidates[0] : null,
      candidates: candidates.slice(0, this.limit),
      problem: null,
      generic,
    };
  }

  private curated(canonical: string): CheckCandidate[] {
    const doe = [
      ...byAliasTable(canonical, this.index, alaHostAliases(this.programs), 'exact', canonicalName),
      ...byAliasTable(canonical, this.index, this.options.aliases, 'alias', canonicalName),
      ...byAliasTable(
        canonical,
        this.index,
        FORMER_NAMES.map((f) => ({ alias: f.name, opeIds: f.opeIds })),
        'former-name',
        canonicalName,
      ),
    ].map((c) => this.doe(c));
    const outside: CheckCandidate[] = [];
    for (const o of this.outside) {
      if (canonicalName(o.institution) === canonical) outside.push(o);
      for (const a of OUTSIDE_HOST_ALIASES) {
        if (a.institution === o.institution && canonicalName(a.alias) === canonical) {
          outside.push({ ...o, how: a.former ? 'former-name' : 'alias', matched: a.alias });
        }
      }
    }
    return [...outside, ...doe];
  }

  private words(canonical: string): CheckCandidate[] {
    const words = canonical.split(' ');
    const outside = this.outside.flatMap((o) => {
      const s = wordScore(words, canonicalName(o.institution));
      return s === null ? [] : [{ ...o, how: 'words' as const, score: Math.min(1, s + 0.05) }];
    });
    return [...outside, ...byWords(canonical, this.index).map((c) => this.doe(c))];
  }

  private vocabulary: Set<string> | undefined;

  /** "Rutgers Univeristy", "Univrsity of Michgan": each unknown word replaced by the closest word of a name. */
  private spellingCorrected(canonical: string): CheckTarget | null {
    this.vocabulary ??= new Set(this.names.flatMap((n) => n.split(' ')));
    const vocabulary = this.vocabulary;
    let changed = false;
    const fixed = canonical.split(' ').map((w) => {
      if (w.length < 4 || vocabulary.has(w)) return w;
      let best = w;
      let bestDistance = w.length >= 7 ? 3 : 2;
      for (const v of vocabulary) {
        if (Math.abs(v.length - w.length) >= bestDistance) continue;
        const d = editDistance(w, v, bestDistance);
        if (d < bestDistance) [best, bestDistance] = [v, d];
      }
      if (best !== w) changed = true;
      return best;
    });
    if (!changed) return null;
    const corrected = fixed.join(' ');
    const target = this.byName(corrected, false, corrected) ?? this.wordsOutcome(corrected, false);
    if (!target || target.candidates.length === 0) return null;
    const mark = (c: CheckCandidate): CheckCandidate => ({
      ...c,
      how: 'fuzzy',
      matched: c.kind === 'doe' ? c.entry.name : c.institution,
    });
    return {
      ...target,
      resolved: target.resolved ? mark(target.resolved) : null,
      candidates: target.candidates.map(mark),
    };
  }

  private wordsOutcome(canonical: string, generic: boolean): CheckTarget | null {
    const single = !canonical.includes(' ');
    let worded = this.finish(this.words(canonical), canonical.split(' '), generic);
    // "UK" is not the start of "Ukiah": a short word matches whole words only.
    if (single && canonical.length <= 3) {
      worded = worded.filter((c) =>
        ` ${c.kind === 'doe' ? c.entry.canonical : canonicalName(c.institution)} `.includes(` ${canonical} `),
      );
    }
    if (worded.length === 0) return null;
    const [first, second] = worded;
    let clear = !second || (first?.score ?? 0) - second.score >= 0.1;
    // One word that also names another ALA host ("Ottawa": Ottawa University and the University of Ottawa).
    if (single && worded.slice(1).some((c) => c.alaHost)) clear = false;
    // A city that is also one institution's name resolves only to that institution ("Madison" is no TechSkills).
    if (single && first?.kind === 'doe' && this.isCity(canonical) && coreName(first.entry.canonical) !== canonical)
      clear = false;
    // One word that is a letter away from a word of an ALA host's name ("Simons" matches Simon's Rock,
    // but is one letter from Simmons): the user may have meant the library school, so both are offered.
    if (single && clear && first && !first.alaHost) {
      const near = this.nearHosts(canonical).filter((c) => !worded.some((w) => sameInstitution(w, c)));
      if (near.length > 0) {
        worded = [...near, ...worded];
        clear = false;
      }
    }
    if (!clear && single) worded = [...worded].sort((a, b) => Number(b.alaHost) - Number(a.alaHost));
    return this.outcome(worded, clear, generic);
  }

  /** ALA hosts whose name has a word one edit from `word` (five letters or more), as fuzzy candidates. */
  private nearHosts(word: string): CheckCandidate[] {
    if (word.length < 5) return [];
    const out: CheckCandidate[] = [];
    for (const id of this.hosts) {
      const line = this.index.lineOfId(id);
      if (line === undefined) continue;
      const near = (this.names[line] ?? '')
        .split(' ')
        .some((w) => w !== word && Math.abs(w.length - word.length) <= 1 && editDistance(word, w, 2) <= 1);
      if (near) out.push(this.doe({ index: line, how: 'fuzzy', score: 0.5, matched: this.index.entry(line).name }));
    }
    return out;
  }

  /** Main institutions in a city named like the query (a city alone is generic: these are candidates). */
  private inCity(canonical: string): CheckCandidate[] {
    // A state's name is not looked up as a city (building the city list costs ~3 ms).
    if (REGION_NAMES.has(canonical) || !this.isCity(canonical)) return [];
    const out: CheckCandidate[] = [];
    const needle = `c:${canonical}`;
    this.index.aliasColumn().forEach((field, i) => {
      if (!field.startsWith(needle) || (field.length > needle.length && field[needle.length] !== '|')) return;
      const c = this.doe({ index: i, how: 'words', score: 0.5, matched: this.index.entry(i).name }, canonical);
      if (c.kind === 'doe' && c.entry.parent === null) out.push(c);
    });
    return out;
  }

  /** Rule 4: candidates only, ALA hosts first. */
  private genericOutcome(canonical: string, named: CheckCandidate[] = []): CheckTarget {
    const words = canonical.split(' ');
    return this.outcome(
      this.finish([...named, ...this.inCity(canonical), ...this.words(canonical)], words, true),
      false,
      true,
    );
  }

  /** Tiers of names, most trusted first; the first tier with a hit decides. */
  private byName(canonical: string, generic: boolean, typed: string): CheckTarget | null {
    const words = canonical.split(' ');
    const asTyped = (c: Candidate) => this.doe({ ...c, matched: typed });
    const tiers: (() => CheckCandidate[])[] = [
      () => this.curated(canonical),
      () => [
        ...byExactName(canonical, this.index).map((c) => this.doe(c)),
        ...byIpedsName(canonical, this.index, 'n').map(asTyped),
      ],
      () => byIpedsName(canonical, this.index, 'a').map(asTyped),
    ];
    for (const [tier, run] of tiers.entries()) {
      const list = this.finish(run(), words, generic);
      if (list.length === 0) continue;
      if (generic) return this.genericOutcome(canonical, list);
      if (tier === 2 && list.length === 1) {
        // An alias one institution reports does not outrank others named the same way
        // ("St Johns" is reported by Saint John's, Minnesota; St. John's, New York hosts an ALA program).
        const core = withoutKind(canonical);
        // An alias that starts the institution's own name ("Florida State") is its natural short form;
        // one that does not ("University of Texas", reported by the University of the Incarnate Word)
        // yields to every institution whose name starts with it.
        const hit = list[0];
        const ownShortForm = hit?.kind === 'doe' && hit.entry.canonical.startsWith(canonical);
        const namesake = this.finish(this.words(canonical), words, false).filter(
          (c) =>
            c.kind === 'doe' &&
            c.entry.parent === null &&
            (withoutKind(c.entry.canonical) === core ||
              (!ownShortForm && c.entry.canonical.startsWith(`${canonical} `))),
        );
        // "UA" is reported by Arizona alone, yet is the initials of Alabama (an ALA host) and others.
        const initials = /^[a-z]{2,4}$/.test(canonical) ? byAcronym(canonical, this.index).map((c) => this.doe(c)) : [];
        const all = this.finish([...list, ...namesake, ...initials], words, false);
        if (all.length > 1)
          return this.outcome(
            [...all].sort((a, b) => Number(b.alaHost) - Number(a.alaHost)),
            false,
            false,
          );
      }
      const narrowed = this.withIds(list);
      return this.outcome(narrowed, narrowed.length === 1, false);
    }
    return null;
  }

  /** "Wayland Baptist Hawaii": the additional locations of the candidates that are in (or named for) the place. */
  private locationsIn(pool: readonly CheckCandidate[], place: string): CheckCandidate[] {
    const out: CheckCandidate[] = [];
    for (const c of pool) {
      if (c.kind !== 'doe' || c.entry.parent !== null) continue;
      for (const i of this.index.linesWithField(c.entry.id)) {
        const loc = this.index.entry(i);
        if (loc.parent !== c.entry.id) continue;
        const stateName = canonicalName(REGIONS.find((r) => r.code === loc.state)?.name ?? '');
        const named = ` ${loc.canonical} `.includes(` ${place} `);
        if (named || canonicalName(loc.city ?? '') === place || stateName === place) {
          out.push(this.doe({ index: i, how: 'words', score: c.score, matched: loc.name }, place));
        }
      }
    }
    return out;
  }

  /** "Drexel Philadelphia", "USC Los Angeles": a trailing city or state narrows what the rest matches. */
  private withPlace(canonical: string): CheckTarget | null {
    const words = canonical.split(' ');
    for (let k = Math.min(3, words.length - 1); k >= 1; k -= 1) {
      const place = words.slice(-k).join(' ');
      const head = words.slice(0, -k).join(' ');
      if (!this.isPlace(place) || this.isGeneric(head)) continue;
      if (head.split(' ').every((w) => COMMON_WORDS.has(w))) continue;
      const found = this.byName(head, false, head)?.candidates ?? [];
      const pool = found.length > 0 ? found : this.finish(this.words(head), head.split(' '), false);
      const there: CheckCandidate[] = pool
        .filter((c) => {
          const city = canonicalName(c.kind === 'doe' ? (c.entry.city ?? '') : (c.city ?? ''));
          const region = c.kind === 'doe' ? (c.entry.state ?? '') : c.region;
          const regionName = REGIONS.find((r) => r.code === region)?.name ?? '';
          return (
            city === place ||
            city.split(' ').includes(place) ||
            canonicalName(regionName) === place ||
            region.toLowerCase() === place
          );
        })
        .map((c) => ({ ...c, place }));
      if (there.length === 0) there.push(...this.locationsIn(pool, place));
      if (there.length === 0) continue;
      return this.outcome(there, there.length === 1 || (there[0]?.score ?? 0) - (there[1]?.score ?? 0) >= 0.1, false);
    }
    return null;
  }

  resolve(query: string): CheckTarget {
    const problem = queryProblem(query);
    if (problem) return { resolved: null, candidates: [], problem, generic: false };
    const id = parseIdQuery(query.trim());
    if (id && id !== 'not-an-id') {
      const list = this.finish(
        byIds(id.digits, id.kind, this.index).map((c) => this.doe(c)),
        [],
        false,
      );
      return this.outcome(list, list.length === 1, false);
    }
    const folded = canonicalName(query);
    // Nothing left once "the", "of" and punctuation are set aside.
    if (!folded) return { resolved: null, candidates: [], problem: 'too-general', generic: false };
    // Words that name the library school, not the institution ("Syracuse iSchool").
    const canonical =
      folded
        .split(' ')
        .filter((w) => !SCHOOL_WORDS.has(w))
        .join(' ') || folded;
    // "u of illinois": people write "U of" for "University of" (curated short names such as "U of T" come first).
    if (/(^| )u of /.test(canonical) && this.curated(canonical).length === 0) {
      return this.resolve(canonical.replace(/(^| )u of /g, '$1university of '));
    }
    const generic = this.isGeneric(canonical);
    const words = canonical.split(' ');

    const named = this.byName(canonical, generic, query.trim());
    if (named) return named;
    if (generic) return this.genericOutcome(canonical);
    if (!generic) {
      const placed = this.withPlace(canonical);
      if (placed) return placed;
    }
    const worded = this.wordsOutcome(canonical, generic);
    if (worded) return worded;
    const spelled = this.spellingCorrected(canonical);
    if (spelled) return spelled;
    const initials = this.finish(
      byAcronym(canonical, this.index).map((c) => this.doe(c)),
      words,
      generic,
    );
    // Computed initials are a guess ("Bama" is not Bay Area Medical Academy): trusted only when typed in capitals.
    const capitals = /^[A-Z]{2,6}$/.test(query.trim());
    if (initials.length > 0) return this.outcome(initials, capitals && initials.length === 1, generic);
    const hostCity = this.outside.filter((o) => canonicalName(o.city ?? '') === canonical);
    if (hostCity.length > 0)
      return this.outcome(
        hostCity.map((o) => ({ ...o, how: 'words' as const, place: canonical })),
        false,
        true,
      );
    if (!this.options.fuzzy) return this.outcome([], false, generic);
    const fuzzy = this.finish(
      byFuzzy(canonical, this.index, this.options.fuzzy, this.limit).map((c) => this.doe(c)),
      words,
      generic,
    );
    const [first, second] = fuzzy;
    const clear = (first?.score ?? 0) >= 0.65 && (!second || (first?.score ?? 0) - second.score >= 0.12);
    return this.outcome(fuzzy, clear, generic);
  }
}

export function findCheckTarget(
  query: string,
  index: LookupIndex,
  programs: readonly Program[],
  options: ResolveOptions,
): CheckTarget {
  return new Resolver(index, programs, options).resolve(query);
}

/** The institution a verdict is about: an additional location resolves to its parent (and says so). */
export function institutionOf(
  entry: IndexEntry,
  index: LookupIndex,
): { entry: IndexEntry; matchedLocation: { name: string; dapipId: string } | null } {
  if (!entry.parent) return { entry, matchedLocation: null };
  const line = index.lineOfId(entry.parent);
  if (line === undefined) return { entry, matchedLocation: null };
  return { entry: index.entry(line), matchedLocation: { name: entry.name, dapipId: entry.id } };
}

/** One phrase for what matched: "the former name Simmons College", "the OPEID 00115500". */
export function matchDescription(c: CheckCandidate): string {
  const place = c.place ? `, narrowed by the place "${c.place}"` : '';
  switch (c.how) {
    case 'id':
      return `the ${c.matched}`;
    case 'alias':
      return `the short name ${c.matched}${place}`;
    case 'former-name':
      return `the former name ${c.matched}${place}`;
    case 'exact':
      return `the name ${c.matched}${place}`;
    case 'current-name':
      return `the current name "${c.matched}" in IPEDS${place}`;
    case 'ipeds-alias':
      return `the alias "${c.matched}" the institution reports to IPEDS${place}`;
    case 'acronym':
      return `the initials of ${c.matched}`;
    case 'words':
      return `the words of ${c.matched}${place}`;
    case 'fuzzy':
      return `the closest spelling, ${c.matched}`;
  }
}

/** The ALA programs an institution hosts (an additional location counts as its parent). */
export function programsAt(c: CheckCandidate, index: LookupIndex, programs: readonly Program[]): Program[] {
  if (c.kind === 'outside') return programs.filter((p) => p.institution === c.institution);
  const id = institutionOf(c.entry, index).entry.id;
  return programs.filter((p) => p.doe?.dapipId === id);
}

function sameInstitution(a: CheckCandidate, b: CheckCandidate): boolean {
  return a.kind === 'doe' && b.kind === 'doe' ? a.entry.id === b.entry.id : false;
}
