/**
 * Names and abbreviations people type for institutions, with the OPEID they mean.
 * Only unambiguous, widely used forms; an abbreviation shared by two schools lists
 * both (USC), so the lookup offers a choice instead of guessing. The ALA host names
 * are added at run time from the program data. A data test checks every OPEID.
 */
import type { Alias } from './institution-match.js';

export const INSTITUTION_ALIASES: readonly Alias[] = [
  { alias: 'SJSU', opeIds: ['00115500'] },
  { alias: 'San Jose State', opeIds: ['00115500'] },
  { alias: 'UCLA', opeIds: ['00131500'] },
  { alias: 'USC', opeIds: ['00132800', '00344800'] },
  { alias: 'UC Berkeley', opeIds: ['00131200'] },
  { alias: 'Berkeley', opeIds: ['00131200'] },
  { alias: 'UIUC', opeIds: ['00177500'] },
  { alias: 'Illinois Urbana-Champaign', opeIds: ['00177500'] },
  { alias: 'University of Illinois', opeIds: ['00177500'] },
  { alias: 'UNC', opeIds: ['00297400'] },
  { alias: 'UNC Chapel Hill', opeIds: ['00297400'] },
  { alias: 'UNC-CH', opeIds: ['00297400'] },
  { alias: 'Chapel Hill', opeIds: ['00297400'] },
  { alias: 'UNCG', opeIds: ['00297600'] },
  { alias: 'UNC Greensboro', opeIds: ['00297600'] },
  { alias: 'NCCU', opeIds: ['00295000'] },
  { alias: 'ECU', opeIds: ['00292300'] },
  { alias: 'UW', opeIds: ['00379800'] },
  { alias: 'UW Seattle', opeIds: ['00379800'] },
  { alias: 'UW Madison', opeIds: ['00389500'] },
  { alias: 'UW-Madison', opeIds: ['00389500'] },
  { alias: 'UWM', opeIds: ['00389600'] },
  { alias: 'UW Milwaukee', opeIds: ['00389600'] },
  { alias: 'FSU', opeIds: ['00148900'] },
  { alias: 'USF', opeIds: ['00153700'] },
  { alias: 'LSU', opeIds: ['00201000'] },
  { alias: "St. Kate's", opeIds: ['00234200'] },
  { alias: 'St. Kate', opeIds: ['00234200'] },
  { alias: 'UMD', opeIds: ['00210300'] },
  { alias: 'University of Maryland', opeIds: ['00210300'] },
  { alias: 'UMich', opeIds: ['00232500'] },
  { alias: 'University of Michigan', opeIds: ['00232500'] },
  { alias: 'UT Austin', opeIds: ['00365800'] },
  { alias: 'UNT', opeIds: ['00359400'] },
  { alias: 'TWU', opeIds: ['00364600'] },
  { alias: 'ODU', opeIds: ['00372800'] },
  { alias: 'CUA', opeIds: ['00143700'] },
  { alias: 'Catholic University', opeIds: ['00143700'] },
  { alias: 'LIU', opeIds: ['00275100'] },
  { alias: 'LIU Post', opeIds: ['00275100'] },
  { alias: 'IU', opeIds: ['00180900'] },
  { alias: 'IU Bloomington', opeIds: ['00180900'] },
  { alias: 'Indiana University', opeIds: ['00180900'] },
  { alias: 'IUPUI', opeIds: ['00181300'] },
  { alias: 'IU Indianapolis', opeIds: ['00181300'] },
  { alias: 'IU Indy', opeIds: ['00181300'] },
  { alias: 'UH Manoa', opeIds: ['00161000'] },
  { alias: 'University of Hawaii', opeIds: ['00161000'] },
  { alias: 'UKY', opeIds: ['00198900'] },
  { alias: 'Southern Miss', opeIds: ['00244100'] },
  { alias: 'Mizzou', opeIds: ['00251600'] },
  { alias: 'Rutgers', opeIds: ['00262900'] },
  { alias: 'UAlbany', opeIds: ['00283500'] },
  { alias: 'SUNY Albany', opeIds: ['00283500'] },
  { alias: 'University at Albany', opeIds: ['00283500'] },
  { alias: 'University at Buffalo', opeIds: ['00283700'] },
  { alias: 'SUNY Buffalo', opeIds: ['00283700'] },
  { alias: 'Pitt', opeIds: ['00337900'] },
  { alias: 'UofSC', opeIds: ['00344800'] },
  { alias: 'UTK', opeIds: ['00353000'] },
  { alias: 'UT Knoxville', opeIds: ['00353000'] },
  { alias: 'URI', opeIds: ['00341400'] },
  { alias: 'PennWest', opeIds: ['00331800'] },
  { alias: 'PennWest Clarion', opeIds: ['00331800'] },
  { alias: 'Penn West', opeIds: ['00331800'] },
  { alias: 'Pennsylvania Western University', opeIds: ['00331800'] },
  { alias: 'NC Central', opeIds: ['00295000'] },
  { alias: 'Louisiana State', opeIds: ['00201000'] },
  { alias: 'Louisiana State University', opeIds: ['00201000'] },
  { alias: 'Southern CT State', opeIds: ['00140600'] },
  { alias: 'Clarion University', opeIds: ['00331800'] },
  { alias: 'UCM', opeIds: ['00245400'] },
  { alias: 'MTSU', opeIds: ['00351000'] },
  { alias: 'UPR Rio Piedras', opeIds: ['00710800'] },
  { alias: 'MIT', opeIds: ['00217800'] },
  { alias: 'NYU', opeIds: ['00278500'] },
  { alias: 'Penn State', opeIds: ['00332900'] },
  { alias: 'Georgia Tech', opeIds: ['00156900'] },
  { alias: 'Ohio State', opeIds: ['00309000'] },
  { alias: 'ASU', opeIds: ['00108100'] },
];

/**
 * UNITIDs that left IPEDS when their institution merged, and the UNITID that carries them now,
 * so the HD2024 evidence follows: Clarion University of Pennsylvania (211644) is part of
 * Pennsylvania Western University (498571) since 2022 (reference/doe README section 9; ALA notes).
 */
export const UNITID_SUCCESSORS: Readonly<Record<string, string>> = { '211644': '498571' };

/** A former name of an ALA host, with where the fact comes from. */
export interface FormerName {
  name: string;
  opeIds: readonly string[];
  source: string;
}

/**
 * Former names of ALA hosts that DAPIP 2020 and IPEDS HD2024 do not carry (IPEDS lists
 * current names; IALIAS is what the institution chose to report). Kept small: each entry
 * names its source.
 */
export const FORMER_NAMES: readonly FormerName[] = [
  { name: 'Simmons College', opeIds: ['00220800'], source: 'Simmons University was Simmons College until 2018' },
  {
    name: 'Clarion University of Pennsylvania',
    opeIds: ['00331800'],
    source: 'ALA programs.csv: accredited as Clarion University of Pennsylvania, merged into PennWest in 2022',
  },
  { name: 'Clarion University', opeIds: ['00331800'], source: 'as above' },
  {
    name: 'Indiana University-Purdue University Indianapolis',
    opeIds: ['00181300'],
    source: 'reference/doe README section 9: Indiana University Indianapolis (was IUPUI)',
  },
  { name: 'IUPUI', opeIds: ['00181300'], source: 'as above' },
];

/** Short and former names of the ALA hosts outside the U.S. (no DAPIP or IPEDS record to carry them). */
export const OUTSIDE_HOST_ALIASES: readonly { alias: string; institution: string; former?: boolean }[] = [
  { alias: 'UBC', institution: 'University of British Columbia' },
  { alias: 'U of T', institution: 'University of Toronto' },
  { alias: 'UofT', institution: 'University of Toronto' },
  { alias: 'UToronto', institution: 'University of Toronto' },
  { alias: 'Toronto University', institution: 'University of Toronto' },
  { alias: 'UCL', institution: 'University College London' },
  { alias: 'McGill', institution: 'McGill University' },
  { alias: 'Dal', institution: 'Dalhousie University' },
  { alias: 'Dalhousie', institution: 'Dalhousie University' },
  { alias: 'Western', institution: 'Western University (University of Western Ontario)' },
  { alias: 'Western University', institution: 'Western University (University of Western Ontario)' },
  { alias: 'Western Ontario', institution: 'Western University (University of Western Ontario)' },
  { alias: 'UWO', institution: 'Western University (University of Western Ontario)' },
  {
    alias: 'University of Western Ontario',
    institution: 'Western University (University of Western Ontario)',
    former: true,
  },
  { alias: 'UdeM', institution: 'Université de Montréal' },
  { alias: 'U de M', institution: 'Université de Montréal' },
  { alias: 'University of Montreal', institution: 'Université de Montréal' },
  { alias: 'uOttawa', institution: 'University of Ottawa' },
  { alias: 'U Ottawa', institution: 'University of Ottawa' },
  { alias: 'UAlberta', institution: 'University of Alberta' },
  { alias: 'U of A', institution: 'University of Alberta' },
];
