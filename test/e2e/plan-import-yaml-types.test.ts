import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const lms = (name: string) => join(ROOT, 'test', 'fixtures', 'lms', name);
const pyyaml = spawnSync('python3', ['-c', 'import yaml'], { encoding: 'utf8' }).status === 0;

/** The plan as PyYAML (YAML 1.1) reads it, as JSON with dates and times made text. */
const readByPyYaml = (path: string) =>
  JSON.parse(
    execFileSync(
      'python3',
      [
        '-c',
        'import yaml,sys,json; print(json.dumps(yaml.safe_load(open(sys.argv[1])), default=lambda v: "DATE:" + str(v)))',
        path,
      ],
      { encoding: 'utf8' },
    ),
  );

const event = (uid: string, summary: string) =>
  `BEGIN:VEVENT\nUID:${uid}\nDTSTART:20270301T150000Z\nSUMMARY:${summary} [INFO-200-01-SP27]\nEND:VEVENT`;

describe.skipIf(!pyyaml)('mls plan import: values PyYAML would read as dates or numbers are quoted', () => {
  it('titles, ids and course aliases that look like dates, times or numbers stay text', () => {
    const home = tempHome();
    const plan = join(home, 'plan.yaml');
    writeFileSync(plan, readFileSync(lms('spring-plan.yaml'), 'utf8'));
    const texts = ['2027-03-05', '2027-03-05 12:00', '12:30', '1_000', '010', '.5', '+1', '=', '<<'];
    const feed = join(home, 'feed.ics');
    writeFileSync(
      feed,
      `BEGIN:VCALENDAR\nVERSION:2.0\n${[...texts.map((t, i) => event(`u${i}`, t)), event('2027-03-06', 'Quiz'), event('label', 'Essay').replace('INFO-200-01-SP27', '2027-03-05')].join('\n')}\nEND:VCALENDAR\n`,
    );
    const r = runMls(['plan', 'import', feed, plan, '--course', '2027-03-05=LIS 701'], {
      env: { HOME: home },
      cwd: home,
    });
    expect(r.code).toBe(0);
    const read = readByPyYaml(plan);
    const imported = read.deadlines.filter((d: { source?: string }) => d.source);
    expect(imported.map((d: { title: unknown }) => d.title).sort()).toEqual([...texts, 'Essay', 'Quiz'].sort());
    expect(imported.map((d: { id: unknown }) => d.id)).toContain('2027-03-06');
    expect(read.courseAliases).toEqual({ '2027-03-05': 'LIS 701' });
    // `due` stays plain: `2027-03-01 10:00` (no seconds) is text to YAML 1.1 too.
    expect(new Set(imported.map((d: { due: unknown }) => d.due))).toEqual(new Set(['2027-03-01 10:00']));
  });
});
