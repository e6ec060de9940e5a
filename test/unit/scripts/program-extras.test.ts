import { describe, expect, it } from 'vitest';
import {
  deliveryIsWeak,
  programLink,
  readerSummary,
  shortInstitutionName,
  specialisationsIn,
} from '../../../scripts/datasets/program-extras.js';

describe('the short note, taken from the research notes', () => {
  it.each([
    [
      'Feb 2019 decision cited I.1 for follow-up. Degree available on campus or via the online (Leep) option.',
      'Degree available on campus or via the online (Leep) option.',
    ],
    [
      'Online MLIS launched spring 2019 alongside on-campus cohort (2016 blog said in-person only - superseded).',
      'Online MLIS launched spring 2019 alongside on-campus cohort.',
    ],
    ['UPDATE 2: UCM page: 100% online, exclusively online; campus=no.', 'UCM page: 100% online, exclusively online.'],
    ['UPDATE 4: the program page describes on-campus study only.', 'The program page describes on-campus study only.'],
    ['LOW CONFIDENCE: a forum post says the listing showed Conditional. campus=no.', null],
    ['Continued accreditation 2019.', null],
  ])('%s -> %s', (notes, summary) => {
    expect(readerSummary(notes)).toBe(summary);
  });

  it('keeps at most the last three reader sentences, in order', () => {
    const notes = 'Online one. Online two. Online three. Online four.';
    expect(readerSummary(notes)).toBe('Online two. Online three. Online four.');
  });

  it.each([
    ['UPDATE 2: online_mostly=yes, LOW CONFIDENCE (old): a c. 2010 page says weekend intensives.', true],
    ['UPDATE 2: campus=yes (weak, pre-2022): degree page describes full-time study.', true],
    ['UPDATE 2: campus=no. LOW CONFIDENCE: status from a forum post.', false],
  ])('delivery evidence marked weak: %s -> %s', (notes, weak) => {
    expect(deliveryIsWeak(notes)).toBe(weak);
  });
});

describe('specialisations named in the notes', () => {
  it.each([
    [
      'Concentrations: academic libraries, health information, school libraries.',
      ['school library', 'health information', 'academic libraries'],
    ],
    [
      'Emphases include archival studies, school library media, e-learning.',
      ['school library', 'archives', 'e-learning'],
    ],
    ['A public university in a city with public transport.', []],
    ['Specializations include digital curation and archives management.', ['archives', 'digital curation']],
  ])('%s -> %o', (notes, expected) => {
    expect(specialisationsIn(notes)).toEqual(expected);
  });
});

describe('a link for every program', () => {
  const sources = ['https://www.ala.org/news/x', 'https://school.example.edu/page'];
  it.each([
    [
      'https://ischool.example.edu/',
      'https://home.example.edu/',
      { url: 'https://ischool.example.edu/', kind: 'program page' },
    ],
    [
      'https://csu.edu/news/2019/x.htm',
      'https://www.csu.edu/',
      { url: 'https://www.csu.edu/', kind: 'institution home page' },
    ],
    [null, 'https://www.syr.edu/', { url: 'https://www.syr.edu/', kind: 'institution home page' }],
    [
      'https://ucl.ac.uk/x/news/2024/y',
      undefined,
      { url: 'https://ucl.ac.uk/x/news/2024/y', kind: 'school news page' },
    ],
    [null, undefined, { url: 'https://school.example.edu/page', kind: 'source page' }],
  ])('website %s, home page %s', (website, home, expected) => {
    expect(programLink(website, sources, home)).toEqual(expected);
  });
});

describe('short institution names', () => {
  it.each([
    ['University of Wisconsin-Madison', 'U. of Wisconsin-Madison'],
    ['The Catholic University of America', 'Catholic U. of America'],
    ['University at Albany, State University of New York', 'U. at Albany (SUNY)'],
    ['Indiana University Indianapolis (formerly IUPUI)', 'Indiana U. Indianapolis'],
    ['Pratt Institute', 'Pratt Institute'],
  ])('%s -> %s', (name, short) => {
    expect(shortInstitutionName(name)).toBe(short);
  });
});
