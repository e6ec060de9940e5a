/**
 * The one resolver for `mls check` and `mls show` (src/catalog/check-target.ts), on the
 * bundled data: what people type -> the institution meant, "ambiguous:<first candidate>",
 * or "invalid:<problem>". Resolved: OPEID (or DAPIP id), or "outside:<ALA host>".
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CheckCandidate,
  type CheckTarget,
  findCheckTarget,
  matchDescription,
  queryProblem,
} from '../../../src/catalog/check-target.js';
import { fuseSearch } from '../../../src/catalog/fuzzy-fuse.js';
import { INSTITUTION_ALIASES } from '../../../src/catalog/institution-aliases.js';
import { alaDataset } from '../../../src/schema/datasets.js';
import { DapipStore } from '../../../src/store/dapip.js';
import { ROOT } from '../../helpers/run-mls.js';

const index = new DapipStore(join(ROOT, 'data')).index();
const programs = alaDataset.parse(JSON.parse(readFileSync(join(ROOT, 'data', 'ala-programs.json'), 'utf8'))).programs;

/** As `mls check` runs it: without spelling first, then with fuse.js when nothing matched. */
function resolve(query: string, state?: string): CheckTarget {
  const options = { aliases: INSTITUTION_ALIASES, state };
  const first = findCheckTarget(query, index, programs, options);
  if (first.problem || first.resolved || first.candidates.length > 0) return first;
  return findCheckTarget(query, index, programs, { ...options, fuzzy: fuseSearch });
}

const id = (c: CheckCandidate | undefined) =>
  !c ? 'none' : c.kind === 'outside' ? `outside:${c.institution}` : (c.entry.opeId ?? c.entry.id);

function outcome(query: string, state?: string): string {
  const t = resolve(query, state);
  if (t.problem) return `invalid:${t.problem}`;
  if (t.resolved) return id(t.resolved);
  return t.candidates.length > 0 ? `ambiguous:${id(t.candidates[0])}` : 'not-found';
}

const expectOutcome = (query: string, expected: string) =>
  expected === 'ambiguous' ? expect(outcome(query)).toMatch(/^ambiguous:/) : expect(outcome(query)).toBe(expected);

describe('resolving what people type', () => {
  it.each([
    ['Indiana', 'ambiguous:00181300'],
    ['Valdosta', '00159900'],
    ['Hawaii', 'ambiguous:00161000'],
    ['CUNY Queens', '00269000'],
    ['Simmons College', '00220800'],
    // One letter from Simmons: Simon's Rock is offered beside the library school, never the verdict alone.
    ['Simons', 'ambiguous:00220800'],
    ['Simons Rock', '00964500'],
    ['Harvard', '00215500'],
    ['UBC', 'outside:University of British Columbia'],
    ['UCL', 'outside:University College London'],
    ['U of T', 'outside:University of Toronto'],
    ['UofT', 'outside:University of Toronto'],
    ['University of Washington Seattle', '00379800'],
    ['st johns', 'ambiguous:00282300'],
    ["St. John's University", '00282300'],
    ['Saint Johns University', '00282300'],
    ['st johns queens', '00282300'],
    ['Birmingham-Southern College', '00101200'],
    ['University of Arizona', '00108300'],
    ['SJSU', '00115500'],
    ['UCLA', '00131500'],
    ['UIUC', '00177500'],
    ['UNC', '00297400'],
    ['FSU', '00148900'],
    ['USF', '00153700'],
    ['LSU', '00201000'],
    ['UW', '00379800'],
    ['UWM', '00389600'],
    ['UMD', '00210300'],
    ['ODU', '00372800'],
    ['TWU', '00364600'],
    ['UNT', '00359400'],
    ['ECU', '00292300'],
    ['NCCU', '00295000'],
    ['UT Austin', '00365800'],
    ['UTK', '00353000'],
    ['URI', '00341400'],
    ['CUA', '00143700'],
    ['LIU', '00275100'],
    ['MTSU', '00351000'],
    ['UKY', '00198900'],
    ['Mizzou', '00251600'],
    ['Pitt', '00337900'],
    ['Rutgers', '00262900'],
    ['UAlbany', '00283500'],
    ['SUNY Buffalo', '00283700'],
    ['UW-Madison', '00389500'],
    ['UMich', '00232500'],
    ['Clarion University of Pennsylvania', '00331800'],
    ['Clarion', 'ambiguous:00331800'],
    ['PennWest', '00331800'],
    ['IUPUI', '00181300'],
    ['Indiana University-Purdue University Indianapolis', '00181300'],
    ['Indiana University Indianapolis', '00181300'],
    ['University of Western Ontario', 'outside:Western University (University of Western Ontario)'],
    ['Harvrd Universty', '00215500'],
    ['Syracus University', '00288200'],
    ['Rutgers Univeristy', '00262900'],
    ['Univrsity of Michgan', '00232500'],
    ['Drexl University', '00325600'],
    ['GMC Valdosta', '00157101'],
    ['Wayland Baptist Hawaii', '00366311'],
    ['Arizona State University West', '00108101'],
    ['Saint Catherine University', '00234200'],
    ['St Catherine', '00234200'],
    ['Université de Montréal', 'outside:Université de Montréal'],
    ['Universite de Montreal', 'outside:Université de Montréal'],
    ['San José State', '00115500'],
    ['University of Hawaiʻi at Mānoa', '00161000'],
    ['University of Puerto Rico Rio Piedras', '00710800'],
    ['McGill', 'outside:McGill University'],
    ['Dal', 'outside:Dalhousie University'],
    ['Western', 'ambiguous'],
    ['UdeM', 'outside:Université de Montréal'],
    ['uOttawa', 'outside:University of Ottawa'],
    ['University of Ottawa', 'outside:University of Ottawa'],
    ['University of Alberta', 'outside:University of Alberta'],
    ['UAlberta', 'outside:University of Alberta'],
    ['U of A', 'outside:University of Alberta'],
    ['Dalhousie', 'outside:Dalhousie University'],
    ['Argosy University', '02179900'],
    ['Vatterott College', 'ambiguous'],
    ['Brightwood College', 'ambiguous:02052000'],
    ['Wesley College', 'ambiguous:00143300'],
    ['University of the Arts', '00335000'],
    ['Iowa Wesleyan University', '00187100'],
    ['Presentation College', '00346700'],
    ['Cabrini University', '00324100'],
    ['Drexel Philadelphia', '00325600'],
    ['USC Los Angeles', '00132800'],
    ['USC', 'ambiguous:00132800'],
    ['USC Columbia', '00344800'],
    ['University', 'ambiguous'],
    ['College', 'ambiguous'],
    ['New York', 'ambiguous'],
    ['Texas', 'ambiguous:00364600'],
    ['00115500', '00115500'],
    ['122755', '00115500'],
    ['dapip:106397', '00115500'],
    ['12', 'invalid:not-an-id'],
    ['12345', 'invalid:not-an-id'],
    ['1234567890', 'invalid:not-an-id'],
    ['!!!', 'invalid:no-letters'],
    ['the', 'invalid:too-general'],
    ['Syracuse', '00288200'],
    ['Emporia State', '00192700'],
    ['Kent State', '00305100'],
    ['Wayne State', 'ambiguous:00232900'],
    ['Pratt', 'ambiguous:00279800'],
    ['Dominican University', '00175000'],
    ['Dominican University River Forest', '00175000'],
    ['Chicago State', '00169400'],
    ['Southern Connecticut', '00140600'],
    ['Old Dominion', '00372800'],
    ['Texas Womans University', '00364600'],
    ['University of Iowa', '00189200'],
    ['University of Kentucky', '00198900'],
    ['University of Maryland College Park', '00210300'],
    ['University of Denver', '00137100'],
    ['Catholic University', '00143700'],
    ['Long Island University Post', '00275100'],
    ['North Carolina Central', '00295000'],
    ['UNC Greensboro', '00297600'],
    ['Southern Miss', '00244100'],
    ['University of Southern Mississippi', '00244100'],
    ['University of Tennessee Knoxville', '00353000'],
    ['University of Texas at Austin', '00365800'],
    ['University of Wisconsin Milwaukee', '00389600'],
    ['Queens College', '00269000'],
    ['Buffalo', 'ambiguous'],
    ['Albany', 'ambiguous'],
    ['Denton', 'ambiguous'],
    ['Columbia', 'ambiguous'],
    ['Washington', 'ambiguous'],
    ['Georgia', 'ambiguous'],
    ['Emory', '00156400'],
    ['Boston University', '00213000'],
    ['Simmons', '00220800'],
    ['Simmons University', '00220800'],
    ['University of North Carolina', 'ambiguous:00297600'],
    ['UNC-Greensboro', '00297600'],
    ['U of I', 'ambiguous:00189200'],
    ['Illinois', 'ambiguous:00177500'],
    ['University of Illinois at Urbana-Champaign', '00177500'],
    ['Michigan', 'ambiguous:00232500'],
    ['Wisconsin', 'ambiguous:00389500'],
    ['Rutgers University', '00262900'],
    ['Rutgers New Brunswick', '00262900'],
    ["St. Kate's", '00234200'],
    ['Saint Catherine', '00234200'],
    ['Emporia', '00192700'],
    ['Pratt Institute', '00279800'],
    ['LIU Post', '00275100'],
    ['Long Island University', '00275100'],
    ['Queens College CUNY', '00269000'],
    ['CUNY Queens College', '00269000'],
    ['Southern CT State', '00140600'],
    ["Texas Woman's", '00364600'],
    ['UT', 'ambiguous'],
    ['University of Texas', 'ambiguous:00365800'],
    ['Dominican', '00175000'],
    ["St. John's", 'ambiguous:00282300'],
    ["Saint John's University New York", '00282300'],
    ['University of South Carolina', '00344800'],
    ['South Carolina', 'ambiguous:00344800'],
    ['UofSC', '00344800'],
    ['Valdosta State', '00159900'],
    ['University of Alabama', '00105100'],
    ['Alabama', 'ambiguous:00105100'],
    ['UA', 'ambiguous:00108300'],
    ['NC Central', '00295000'],
    ['East Carolina', '00292300'],
    ['Maryland', 'ambiguous:00210300'],
    ['University of Maryland', '00210300'],
    ['UMD College Park', '00210300'],
    ['Drexel', '00325600'],
    ['University of Pittsburgh', '00337900'],
    ['PennWest Clarion', '00331800'],
    ['Penn West', '00331800'],
    ['Pennsylvania Western University', '00331800'],
    ['Simmons College Boston', '00220800'],
    ['UB', 'ambiguous:00283700'],
    ['University at Buffalo', '00283700'],
    ['Kentucky', 'ambiguous:00198900'],
    ['UK', 'ambiguous:00198900'],
    ['Louisiana State', '00201000'],
    ['Iowa', 'ambiguous:00189200'],
    ['UI', 'ambiguous:00189200'],
    ['ESU', '00192700'],
    ['Missouri', 'ambiguous:00245400'],
    ['University of Missouri', '00251600'],
    ['UCM', '00245400'],
    ['Central Missouri', 'ambiguous:00245400'],
    ['Denver', 'ambiguous:00137100'],
    ['University of California Los Angeles', '00131500'],
    ['UH Manoa', '00161000'],
    ['University of Hawaii', '00161000'],
    ['Manoa', '00161000'],
    ['Arizona', 'ambiguous:00108300'],
    ['UArizona', '00108300'],
    ['Indiana University', '00180900'],
    ['IU', '00180900'],
    ['IUB', '00180900'],
    ['IU Bloomington', '00180900'],
    ['IU Indianapolis', '00181300'],
    ['Rhode Island', 'ambiguous:00341400'],
    ['Tennessee', 'ambiguous:00351000'],
    ['Knoxville', 'ambiguous:00353000'],
    ['North Texas', 'ambiguous:00359400'],
    ['Madison', 'ambiguous:00389500'],
    ['Milwaukee', 'ambiguous:00389600'],
    ['Puerto Rico', 'ambiguous:00710800'],
    ['Toronto', 'outside:University of Toronto'],
    ['Montreal', 'outside:Universit\u00e9 de Montr\u00e9al'],
    ['Ottawa', 'ambiguous:outside:University of Ottawa'],
    ['Alberta', 'ambiguous:outside:University of Alberta'],
    ['London', 'ambiguous:outside:University College London'],
    ['Western Ontario', 'outside:Western University (University of Western Ontario)'],
    ['San Jose', 'ambiguous:00115500'],
    ['Florida State', '00148900'],
    ['Florida', 'ambiguous:00148900'],
    ['University of Florida', '00153500'],
    ['Syracuse iSchool', '00288200'],
    ['University of Washington iSchool', '00379800'],
    ['Kent', 'ambiguous:00305100'],
    ['Kent State University Ohio', '00305100'],
    ['University of Oklahoma', '00318400'],
    ['Oklahoma', 'ambiguous:00318400'],
    ['Norman', 'ambiguous:00318400'],
    ['Texas A&M', '00363200'],
    ['University of Tennessee', 'ambiguous:00353000'],
    ['University of Toronto iSchool', 'outside:University of Toronto'],
    ['Wayne State University Detroit', '00232900'],
    ['Columbia University', '00270700'],
    ['Columbia University in the City of New York', '00270700'],
    ['Yale', '00142600'],
    ['Stanford', '00130500'],
    ['MIT', '00217800'],
    ['Harvard University', '00215500'],
    ['Boston College', '00212800'],
    ['NYU', '00278500'],
    ['New York University', '00278500'],
    ['University of Central Florida', '00395400'],
    ['UCF', 'ambiguous'],
    ['Chicago', 'ambiguous:00169400'],
    ['University of Chicago', '00177400'],
    ['u of illinois', '00177500'],
    ['u of michigan', '00232500'],
    ['u of missouri', '00251600'],
    ['u of toronto', 'outside:University of Toronto'],
    ['u of british columbia', 'outside:University of British Columbia'],
    ['U of T', 'outside:University of Toronto'],
    ['UT Knoxville', '00353000'],
    ['IU Indy', '00181300'],
    ['UWM SOIS', '00389600'],
    ['Syracuse iSchool', '00288200'],
    ['UNC SILS', '00297400'],
    ['University of Puerto Rico', 'ambiguous'],
    ['Queens', 'ambiguous:00269000'],
  ])('%s -> %s', expectOutcome);
});

describe('safety rules', () => {
  it('an additional location never matches through a state name (Indiana is not a Pennsylvania institute)', () => {
    const t = resolve('Indiana');
    expect(t.resolved).toBeNull();
    expect(t.candidates.every((c) => c.kind !== 'doe' || c.entry.parent === null)).toBe(true);
  });

  it('an additional location matches through its own name or its parent plus the place', () => {
    expect(outcome('GMC Valdosta')).toBe('00157101');
    expect(outcome('Wayland Baptist Hawaii')).toBe('00366311');
  });

  it('a city alone never resolves to a branch there (Valdosta is Valdosta State, not a GMC site)', () => {
    expect(outcome('Valdosta')).toBe('00159900');
    expect(outcome('Valdosta', 'GA')).toBe('00159900');
  });

  it.each(['Indiana', 'Hawaii', 'Texas', 'New York', 'Western', 'University', 'Denton', 'Clarion'])(
    'the single generic word %s gives candidates, never a verdict',
    (query) => {
      const t = resolve(query);
      expect(t.resolved).toBeNull();
      expect(t.generic).toBe(true);
      expect(t.candidates.length).toBeGreaterThan(0);
    },
  );

  it('ALA hosts rank first among equal candidates and are marked', () => {
    const t = resolve('st johns');
    expect(id(t.candidates[0])).toBe('00282300');
    expect(t.candidates[0]?.alaHost).toBe(true);
    expect(t.candidates.filter((c) => c.alaHost)).toHaveLength(1);
  });

  it('USC alone stays ambiguous (two USCs host ALA programs); a place decides', () => {
    expect(resolve('USC').candidates.map(id)).toEqual(['00132800', '00344800']);
    expect(outcome('USC Los Angeles')).toBe('00132800');
    expect(outcome('USC Columbia')).toBe('00344800');
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['!!!', 'no-letters'],
    ['-- ..', 'no-letters'],
    ['x'.repeat(201), 'too-long'],
    ['12', 'not-an-id'],
    ['12345', 'not-an-id'],
    ['1234567890', 'not-an-id'],
    ['a b c d e f', 'too-general'], // single letters once gave a verdict about a dance school
    ['x', 'too-general'],
  ])('junk input %j is refused (%s)', (query, problem) => {
    expect(queryProblem(query)).toBe(problem);
    expect(resolve(query).problem).toBe(problem);
  });

  it('200 characters are still a query', () => {
    expect(queryProblem('a'.repeat(200))).toBeNull();
  });

  it.each([
    ['Simmons College', 'the former name Simmons College'],
    ['UBC', 'the short name UBC'],
    ['00115500', 'the OPEID 00115500'],
    [
      'Drexel Philadelphia',
      'the alias "drexel" the institution reports to IPEDS, narrowed by the place "philadelphia"',
    ],
    ['University of Western Ontario', 'the former name University of Western Ontario'],
  ])('says what matched: %s -> %s', (query, description) => {
    const t = resolve(query);
    expect(t.resolved && matchDescription(t.resolved)).toBe(description);
  });
});
