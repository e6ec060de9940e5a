import { describe, expect, it } from 'vitest';
import { courseKey, matchCourse, NO_COURSE_LABEL, resolveCourses } from '../../../src/calendar/lms-courses.js';

describe('courseKey: an LMS course label -> subject and number', () => {
  it.each([
    ['INFO-200-01-SP27', 'INFO 200'], // Canvas course code with section and term
    ['INFO 202-01 Spring 2027', 'INFO 202'], // Canvas with the term spelled out
    ['LIS 701 (40123) SP27', 'LIS 701'], // Canvas with a CRN
    ['LIS653_F27', 'LIS 653'], // Moodle short name
    ['202710-LIS-510-01', 'LIS 510'], // Blackboard course ID, term first
    ['FA27-LIS-701-W01', 'LIS 701'], // term code first
    ['LIS 560 - Research Methods - Fall 2027', 'LIS 560'], // D2L LOCATION
    ['info200', 'INFO 200'], // case and no space
    ['Library Science', undefined], // no number: no key
  ])('%s -> %s', (label, key) => expect(courseKey(label)).toBe(key));
});

describe('matchCourse: a label against the plan’s codes', () => {
  const plan = ['INFO 200', 'INFO 202', 'LIS 701'];
  it.each([
    ['INFO-200-01-SP27', { kind: 'sure', code: 'INFO 200', how: 'normalised' }],
    ['INFO 202', { kind: 'sure', code: 'INFO 202', how: 'same' }],
    [
      'LIBR-200-01-SP27',
      { kind: 'unsure', candidates: ['INFO 200', 'INFO 202', 'LIS 701'], fallback: 'LIBR 200', likely: 'INFO 200' },
    ],
    // Nothing alike in the plan: the answer offered first is a new course, not the plan's first course.
    ['ARTS 101', { kind: 'unsure', candidates: plan, fallback: 'ARTS 101', likely: 'ARTS 101' }],
    ['Orientation', { kind: 'unsure', candidates: plan, fallback: 'Orientation', likely: 'Orientation' }],
  ])('%s', (label, match) => expect(matchCourse(label, plan, {})).toEqual(match));

  it('a remembered mapping wins', () =>
    expect(matchCourse('LIBR-200-01-SP27', plan, { 'LIBR-200-01-SP27': 'INFO 200' })).toEqual({
      kind: 'sure',
      code: 'INFO 200',
      how: 'remembered',
    }));

  it('a plan without courses takes the key as a new course', () =>
    expect(matchCourse('LIS653_F27', [], {})).toEqual({ kind: 'sure', code: 'LIS 653', how: 'normalised' }));
});

describe('resolveCourses', () => {
  const plan = ['INFO 200', 'INFO 202'];

  it('asks once per unsure label, and remembers the answer', async () => {
    const asked: string[] = [];
    const labels = ['LIBR 200 X', 'LIBR 200 X', 'LIBR-200-01-SP27', 'INFO-202-01-SP27'];
    const r = await resolveCourses(labels, plan, {}, {}, async (label) => {
      asked.push(label);
      return 'INFO 200';
    });
    expect(asked).toEqual(['LIBR 200 X']);
    expect(Object.fromEntries(r.map)).toEqual({
      'LIBR 200 X': 'INFO 200',
      'LIBR-200-01-SP27': 'INFO 200',
      'INFO-202-01-SP27': 'INFO 202',
    });
    expect(r.remember).toEqual({ 'LIBR 200 X': 'INFO 200', 'LIBR-200-01-SP27': 'INFO 200' });
  });

  it('"leave its events out" maps the label to null and remembers it as null', async () => {
    const r = await resolveCourses(['XYZ 9'], plan, {}, {}, async () => null);
    expect(r.map.get('XYZ 9')).toBeNull();
    expect(r.remember).toEqual({ 'XYZ 9': null });
  });

  it('a label remembered as null is left out without a question; --course still maps it', async () => {
    const ask = async () => 'INFO 200';
    expect((await resolveCourses(['XYZ 9'], plan, { 'XYZ 9': null }, {}, ask)).map.get('XYZ 9')).toBeNull();
    const given = await resolveCourses(['XYZ 9'], plan, { 'XYZ 9': null }, { 'XYZ 9': 'INFO 202' }, ask);
    expect(given.map.get('XYZ 9')).toBe('INFO 202');
  });

  it('without a terminal: --course mappings are used and remembered; other unsure labels become new courses, named', async () => {
    const r = await resolveCourses(['LIBR-200-01', 'LIS-900-01'], plan, {}, { 'LIBR-200-01': 'INFO 200' });
    expect(Object.fromEntries(r.map)).toEqual({ 'LIBR-200-01': 'INFO 200', 'LIS-900-01': 'LIS 900' });
    expect(r.remember).toEqual({ 'LIBR-200-01': 'INFO 200' });
    expect(r.guessed).toEqual([{ label: 'LIS-900-01', code: 'LIS 900', candidates: plan }]);
  });

  it('the placeholder for events without a course label is never asked about nor suggested for --course', async () => {
    const asked: string[] = [];
    const r = await resolveCourses(
      [NO_COURSE_LABEL, 'LIS-510-01-FA27'],
      ['LIS 653', 'LIS 510'],
      {},
      {},
      async (label) => {
        asked.push(label);
        return null;
      },
    );
    expect(asked).toEqual([]);
    expect([...r.map]).toEqual([
      [NO_COURSE_LABEL, NO_COURSE_LABEL],
      ['LIS-510-01-FA27', 'LIS 510'],
    ]);
    const quiet = await resolveCourses([NO_COURSE_LABEL], ['LIS 653'], {}, {});
    expect(quiet.guessed).toEqual([]);
    expect(quiet.remember).toEqual({});
  });
});
