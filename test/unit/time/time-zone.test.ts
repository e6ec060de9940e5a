import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clock, dayNumber, isoDate } from '../../../src/time/dates.js';
import {
  canonicalTimeZone,
  isTimeZone,
  localMomentIn,
  wallClock,
  withZone,
  zoneRules,
} from '../../../src/time/zone.js';

const ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
];
const day2027 = dayNumber('2027-01-01');
const rules = new Map(ZONES.map((zone) => [zone, zoneRules(zone)]));

describe('zoneRules (the engine’s local time) against Intl', () => {
  it('a local time converted to UTC reads back as the same wall-clock time in Intl, DST days included', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: day2027 - 400, max: day2027 + 1500 }),
        fc.integer({ min: 0, max: 1439 }),
        (zone, day, minute) => {
          const instant = new Date(rules.get(zone)?.toUtc(day, minute) ?? Number.NaN);
          const back = wallClock(instant, zone);
          const asked = `${isoDate(day)} ${clock(minute)}`;
          // A time skipped by a spring-forward change does not exist: it becomes the moment of the change.
          if (`${back.date} ${back.time}` !== asked) {
            expect(`${back.date} ${back.time}` > asked).toBe(true);
            expect(`${wallClock(new Date(instant.getTime() - 60_000), zone).time}` < clock(minute)).toBe(true);
            expect(rules.get(zone)?.isSkipped(day, minute)).toBe(true);
          }
          const local = rules.get(zone)?.toLocal(instant.getTime());
          expect(local && `${isoDate(local.day)} ${clock(local.minute)}`).toBe(`${back.date} ${back.time}`);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('handles the US changes of 2027: a skipped 02:30 becomes 03:00, a repeated 01:30 takes its first instant', () => {
    const la = zoneRules('America/Los_Angeles');
    expect(new Date(la.toUtc(dayNumber('2027-03-14'), 150)).toISOString()).toBe('2027-03-14T10:00:00.000Z');
    expect(la.isSkipped(dayNumber('2027-03-14'), 150)).toBe(true);
    expect(la.isSkipped(dayNumber('2027-03-14'), 180)).toBe(false);
    expect(new Date(la.toUtc(dayNumber('2027-11-07'), 90)).toISOString()).toBe('2027-11-07T08:30:00.000Z');
    expect(new Date(la.toUtc(dayNumber('2027-07-01'), 19 * 60)).toISOString()).toBe('2027-07-02T02:00:00.000Z');
  });

  it.each([
    ['America/New_York', '2027-03-14', 150, '2027-03-14T07:00:00.000Z'],
    ['Europe/London', '2027-03-28', 90, '2027-03-28T01:00:00.000Z'],
    ['Australia/Sydney', '2027-10-03', 150, '2027-10-02T16:00:00.000Z'],
    ['Australia/Lord_Howe', '2027-10-03', 135, '2027-10-02T15:30:00.000Z'],
  ])('a skipped time in %s on %s (minute %i) becomes the moment of the change', (zone, date, minute, iso) => {
    expect(new Date(zoneRules(zone).toUtc(dayNumber(date), minute)).toISOString()).toBe(iso);
  });

  // Zones whose clocks change at local midnight: the day starts in the gap (Santiago, Azores) or
  // the previous day's last hour repeats (Santiago in April). Every minute of the day is checked.
  it.each([
    ['America/Santiago', '2027-09-05'],
    ['America/Santiago', '2027-04-04'],
    ['America/Santiago', '2027-04-03'],
    ['Atlantic/Azores', '2027-03-28'],
    ['Atlantic/Azores', '2027-10-31'],
    ['America/Havana', '2027-03-14'],
    ['Asia/Beirut', '2027-03-28'],
    ['Africa/Cairo', '2027-04-30'],
    ['Africa/Cairo', '2027-10-28'],
    ['America/New_York', '2027-03-14'],
    ['Australia/Lord_Howe', '2027-10-03'],
  ])('%s on %s: every minute converts to the instant Intl reads back (a skipped one to the change)', (zone, date) => {
    const r = zoneRules(zone);
    const day = dayNumber(date);
    const read = (ms: number) => {
      const w = wallClock(new Date(ms), zone);
      return `${w.date} ${w.time}`;
    };
    for (let minute = 0; minute < 1440; minute += 1) {
      const asked = `${date} ${clock(minute)}`;
      const t = r.toUtc(day, minute);
      if (r.isSkipped(day, minute)) {
        expect(read(t) > asked, asked).toBe(true);
        expect(read(t - 60_000) < asked, asked).toBe(true);
      } else {
        expect(read(t), asked).toBe(asked);
        // A repeated time takes its first instant.
        expect([read(t - 30 * 60_000), read(t - 60 * 60_000)], asked).not.toContain(asked);
      }
      expect(r.toLocal(t)).toEqual(r.isSkipped(day, minute) ? r.toLocal(t) : { day, minute });
    }
  });

  it('America/Santiago on 2027-09-05: 00:00-00:59 do not exist; 01:00 is the first minute, not 01:01', () => {
    const r = zoneRules('America/Santiago');
    const day = dayNumber('2027-09-05');
    expect(r.isSkipped(day, 0)).toBe(true);
    expect(r.isSkipped(day, 30)).toBe(true);
    expect(r.isSkipped(day, 60)).toBe(false);
    expect(new Date(r.toUtc(day, 30)).toISOString()).toBe('2027-09-05T04:00:00.000Z');
    expect(new Date(r.toUtc(day, 60)).toISOString()).toBe('2027-09-05T04:00:00.000Z');
    expect(r.toLocal(Date.parse('2027-09-05T04:00:00Z'))).toEqual({ day, minute: 60 });
  });

  it('reads the repeated hour of a fall-back day as two different instants', () => {
    const ny = zoneRules('America/New_York');
    expect(ny.toLocal(Date.parse('2027-11-07T05:30:00Z'))).toEqual({ day: dayNumber('2027-11-07'), minute: 90 });
    expect(ny.toLocal(Date.parse('2027-11-07T06:30:00Z'))).toEqual({ day: dayNumber('2027-11-07'), minute: 90 });
  });

  it('reads "now" in a zone as Intl does', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 1.7e12, max: 2e12 }), (zone, ms) => {
        const moment = localMomentIn(new Date(ms), zone);
        expect({ date: isoDate(moment.day), time: clock(moment.minute) }).toEqual(wallClock(new Date(ms), zone));
      }),
      { numRuns: 500 },
    );
  });

  it('puts the process’s TZ back, even when the computation throws', () => {
    const before = process.env.TZ;
    expect(() =>
      withZone('Asia/Kolkata', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(process.env.TZ).toBe(before);
    expect(withZone('Asia/Kolkata', () => new Date(Date.UTC(2027, 0, 1)).getHours())).toBe(5);
    expect(process.env.TZ).toBe(before);
  });
});

describe('isTimeZone', () => {
  it.each(['UTC', 'America/Chicago', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Pacific', 'Etc/GMT+5'])('accepts %s', (z) =>
    expect(isTimeZone(z)).toBe(true),
  );
  it.each(['Mars/Olympus', 'America/Chicag', '', 'EST5'])('rejects %s', (z) => expect(isTimeZone(z)).toBe(false));
});

describe('canonicalTimeZone', () => {
  it.each([
    ['America/Chicago', 'America/Chicago'],
    ['america/chicago', 'America/Chicago'],
    ['EUROPE/LONDON', 'Europe/London'],
    ['US/Pacific', 'America/Los_Angeles'],
    // Renamed zones take their current name, though the engine lists the old one as canonical.
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    // The short way (the engine's local time knows the spelling) and its edges.
    ['America/Argentina/Cordoba', 'America/Argentina/Cordoba'],
    ['Africa/Abidjan', 'Africa/Abidjan'], // on UTC all year: the long way
    ['America/Chicagoo', undefined], // reads as UTC: unknown
    ['Europe/Nowhere', undefined],
    ['utc', 'UTC'],
    ['Central', undefined],
    ['Mars/Olympus', undefined],
  ])('%s -> %s', (name, expected) => expect(canonicalTimeZone(name)).toBe(expected));
});
