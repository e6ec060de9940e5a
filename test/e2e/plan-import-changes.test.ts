/** `mls plan import`: a re-import says what changed in a deadline, its title or its due. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const lms = (name: string) => join(ROOT, 'test', 'fixtures', 'lms', name);

describe('mls plan import: what changed', () => {
  it('a renamed deadline is reported as a title change, a moved one as a due change', () => {
    const home = tempHome();
    const plan = join(home, 'plan.yaml');
    writeFileSync(plan, readFileSync(lms('plan2.yaml'), 'utf8'));
    const run = (feed: string, ...args: string[]) =>
      runMls(['plan', 'import', lms(feed), plan, ...args], { env: { HOME: home }, cwd: home });
    expect(run('codes.ics').code).toBe(0);
    const json = JSON.parse(run('codes2-renamed.ics', '--json', '--dry-run').stdout);
    const c3 = json.changed.find((c: { uid: string }) => c.uid === 'c3');
    expect(c3).toEqual({
      uid: 'c3',
      title: 'Examples of metadata schemas (revised)',
      fromTitle: 'Examples of metadata schemas',
      from: '2027-03-10 23:59',
      to: '2027-03-10 23:59',
      changes: ['title'],
    });
    const c1 = json.changed.find((c: { uid: string }) => c.uid === 'c1');
    expect(c1.changes).toEqual(['due']);
    const text = run('codes2-renamed.ics', '--dry-run').stdout;
    expect(text).toContain(
      'changed  2027-03-10 23:59  Examples of metadata schemas (revised) (title was "Examples of metadata schemas")',
    );
    expect(text).toContain('changed  2027-02-10 22:59  Quiz 10 (due was 2027-02-10 23:59)');
  });
});

describe('mls plan import: a broken JSON plan', () => {
  it('is a JSON syntax error at its line and column, not a YAML one', () => {
    const home = tempHome();
    const plan = join(home, 'plan.json');
    writeFileSync(plan, '{\n  "name": "x",\n  "terms": [ { "name": "S", }\n');
    const r = runMls(['plan', 'import', lms('entity.ics'), plan], { env: { HOME: home }, cwd: home });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: plan\.json:3:29: JSON syntax error: unexpected "}"/m);
    expect(r.stderr).not.toMatch(/YAML|position|Unexpected token/);
  });
});
