import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessKind, plainText, readLmsFeed, readSummary } from '../../src/calendar/lms-feed.js';
import { ROOT } from '../helpers/run-mls.js';

const feed = (name: string, zone = 'America/Chicago') =>
  readLmsFeed(readFileSync(join(ROOT, 'test', 'fixtures', 'lms', `${name}.ics`), 'utf8'), zone);

describe('readLmsFeed', () => {
  it('Canvas: course from the brackets, duplicated VALUE=DATE, zero-length UTC events, HTML, breaks, non-deadlines', () => {
    const f = feed('canvas');
    expect(f.source).toBe('Student Calendar (Canvas)');
    expect(f.deadlines.map((d) => [d.course, d.title, d.kind, d.due])).toEqual([
      ['INFO 200-01 Fall 2027', 'Reading reflection 1', 'paper', '2027-09-15'],
      ['INFO 200-01 Fall 2027', 'Community analysis paper: draft & outline', 'paper', '2027-10-08 23:59'],
      ['INFO 202-02 Fall 2027', 'Midterm exam (online, proctored)', 'exam', '2027-10-20 19:00'],
      ['INFO 202-02 Fall 2027', 'Discussion: introduce yourself', 'discussion', '2027-09-17 23:59'],
    ]);
    expect(f.breaks).toEqual([{ name: 'Thanksgiving break - no classes', start: '2027-11-22', end: '2027-11-28' }]);
    expect(f.skipped.map((s) => s.reason)).toEqual(['not a deadline']);
  });

  it('Moodle: course from CATEGORIES, "is due" and "closes" kept, "opens" and lectures skipped', () => {
    const f = feed('moodle');
    expect(f.deadlines.map((d) => [d.course, d.title, d.due])).toEqual([
      ['LIS 653', 'Metadata schema assignment', '2027-09-29 23:59'],
      ['LIS 653', 'Cataloging quiz', '2027-10-07 23:59'],
      ['LIS 653', 'Final project report', '2027-12-07 23:59'],
    ]);
    expect(f.skipped).toHaveLength(2);
  });

  it('Blackboard: TZID with VTIMEZONE is read as New York time, shown in the plan zone, across the DST change', () => {
    expect(feed('blackboard').deadlines.map((d) => d.due)).toEqual(['2027-10-12 22:59', '2027-11-09 22:59']);
    expect(feed('blackboard', 'America/New_York').deadlines.map((d) => d.due)).toEqual([
      '2027-10-12 23:59',
      '2027-11-09 23:59',
    ]);
  });

  it('D2L: "- Due" kept, "- Availability Starts" skipped, course from LOCATION', () => {
    const f = feed('d2l');
    expect(f.deadlines.map((d) => [d.course, d.title, d.kind])).toEqual([
      ['LIS 560', 'Annotated bibliography', 'paper'],
    ]);
  });

  it('reads a TZID without its VTIMEZONE in that IANA zone, and a floating time in the plan’s zone', () => {
    expect(feed('tzid-without-vtimezone').deadlines.map((d) => d.due)).toEqual([
      '2027-10-12 22:59',
      '2027-10-12 23:59',
    ]);
  });

  it('gives the same local due times whatever the host TZ (the plan zone decides)', () => {
    expect(feed('canvas', 'Asia/Kolkata').deadlines[1]?.due).toBe('2027-10-09 10:29');
  });
});

describe('summary helpers', () => {
  it.each([
    ['Final exam', 'exam'],
    ['Quiz 3', 'quiz'],
    ['Reply to two classmates', 'discussion'],
    ['Capstone project proposal', 'project'],
    ['Literature review', 'paper'],
    ['Problem set 2', 'assignment'],
  ])('%s is a %s', (title, kind) => {
    expect(guessKind(title)).toBe(kind);
  });

  it('strips HTML and decodes entities', () => {
    expect(plainText('<b>Draft</b> &amp; <i>outline</i>&nbsp;')).toBe('Draft & outline');
  });

  it('reads a Blackboard "COURSE: Title" summary', () => {
    expect(readSummary('LIS 510: Final exam', [], null)).toEqual({
      title: 'Final exam',
      course: 'LIS 510',
      skip: null,
    });
  });
});
