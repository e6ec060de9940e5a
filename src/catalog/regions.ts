/**
 * States, provinces and territories by code and name, so `--state` takes
 * `CA`, `California`, `ON`, `Ontario` or `Québec` alike.
 */
import { foldText } from './normalize.js';

export interface Region {
  code: string;
  name: string;
  country: 'United States' | 'Canada' | 'United Kingdom';
}

const US: [string, string][] = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
  ['PR', 'Puerto Rico'],
  ['GU', 'Guam'],
  ['VI', 'U.S. Virgin Islands'],
  ['AS', 'American Samoa'],
  ['MP', 'Northern Mariana Islands'],
];

const CANADA: [string, string][] = [
  ['AB', 'Alberta'],
  ['BC', 'British Columbia'],
  ['MB', 'Manitoba'],
  ['NB', 'New Brunswick'],
  ['NL', 'Newfoundland and Labrador'],
  ['NS', 'Nova Scotia'],
  ['NT', 'Northwest Territories'],
  ['NU', 'Nunavut'],
  ['ON', 'Ontario'],
  ['PE', 'Prince Edward Island'],
  ['QC', 'Québec'],
  ['SK', 'Saskatchewan'],
  ['YT', 'Yukon'],
];

// The UK program's region is its nation's name; these are its codes here.
const UK: [string, string][] = [
  ['England', 'England'],
  ['Scotland', 'Scotland'],
  ['Wales', 'Wales'],
  ['Northern Ireland', 'Northern Ireland'],
];

export const REGIONS: readonly Region[] = [
  ...US.map(([code, name]) => ({ code, name, country: 'United States' as const })),
  ...CANADA.map(([code, name]) => ({ code, name, country: 'Canada' as const })),
  ...UK.map(([code, name]) => ({ code, name, country: 'United Kingdom' as const })),
];

const ALIASES: Record<string, string> = { 'washington dc': 'dc', nfld: 'nl', pei: 'pe', pq: 'qc' };

let byKey: Map<string, Region> | undefined;

function regionIndex(): Map<string, Region> {
  if (byKey) return byKey;
  byKey = new Map();
  for (const region of REGIONS) {
    byKey.set(foldText(region.code), region);
    byKey.set(foldText(region.name), region);
  }
  for (const [alias, code] of Object.entries(ALIASES)) {
    const region = byKey.get(code);
    if (region) byKey.set(alias, region);
  }
  return byKey;
}

/** Finds a state, province or UK nation by code or name; undefined when unknown. */
export function findRegion(input: string): Region | undefined {
  return regionIndex().get(foldText(input));
}

export function regionName(code: string): string {
  return findRegion(code)?.name ?? code;
}

const COUNTRY_ALIASES: Record<string, Region['country']> = {
  us: 'United States',
  usa: 'United States',
  'united states': 'United States',
  'united states of america': 'United States',
  america: 'United States',
  ca: 'Canada',
  can: 'Canada',
  canada: 'Canada',
  uk: 'United Kingdom',
  gb: 'United Kingdom',
  gbr: 'United Kingdom',
  'great britain': 'United Kingdom',
  'united kingdom': 'United Kingdom',
};

export function findCountry(input: string): Region['country'] | undefined {
  return COUNTRY_ALIASES[foldText(input)];
}

export const COUNTRY_CODES: Record<Region['country'], string> = {
  'United States': 'US',
  Canada: 'CA',
  'United Kingdom': 'UK',
};
