/**
 * `mls check`, one test per verdict kind and per data failure: accredited, not accredited,
 * closed, merged, abroad, ambiguous, not found, junk input; imported files that are damaged;
 * a zip that would expand past the bound; `mls data import ipeds-hd`.
 */
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runMls, tempHome } from '../helpers/run-mls.js';

const dapipFixtures = join(ROOT, 'test', 'fixtures', 'dapip', 'official');
const hdFixture = join(ROOT, 'test', 'fixtures', 'ipeds', 'hd', 'hd2024.csv');

function json(args: string[], env: Record<string, string> = {}) {
  const r = runMls([...args, '--json'], { env });
  return { ...r, data: r.stdout ? JSON.parse(r.stdout) : null };
}

describe('mls check: one verdict kind each', () => {
  it('accredited: says what matched and dates every source, exit 0', () => {
    const r = runMls(['check', 'Simmons College']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Simmons University (Boston, MA, United States)');
    expect(r.stdout).toContain('(matched the former name Simmons College)');
    expect(r.stdout).toContain(
      "! Accreditor as recorded by DAPIP in November 2020 (NECHE's next review was due 2021-06-30); IPEDS 2024-25 shows the institution open and in federal student aid; check the live DAPIP for changes since.",
    );
    expect(r.stdout).toContain(
      'Sources: ALA accredited programs 2026-02; DAPIP (accreditor) 2020-11-02; IPEDS HD (open, closed, Title IV) 2024-25; DAPIP actions 2019-2026 (partial) 2026-05-13.',
    );
    expect(r.stdout).not.toContain('DAPIP data is as of');
  });

  it('not accredited: exit 1', () => {
    const r = runMls(['check', 'Gadsden Business College']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ No accreditation by a USDE-recognized agency on record in DAPIP');
  });

  it('closed: Birmingham-Southern College closed on 2024-07-31, exit 1', () => {
    const r = json(['check', 'Birmingham-Southern College']);
    expect(r.code).toBe(1);
    expect(r.data.outcome).toBe('closed');
    expect(r.data.ipeds).toMatchObject({ status: 'closed', closedOn: '2024-07-31', titleIV: false, year: '2024-25' });
    expect(runMls(['check', 'Birmingham-Southern College']).stdout).toContain('✗ Closed on 2024-07-31 (IPEDS 2024-25)');
  });

  it('merged: Wesley College (Delaware) names its successor, exit 1', () => {
    const r = runMls(['check', 'Wesley College', '--state', 'DE']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ Merged into Delaware State University (UNITID 130934, IPEDS 2024-25)');
  });

  it('abroad: UBC is the University of British Columbia, outside DAPIP, exit 0', () => {
    const r = json(['check', 'UBC']);
    expect(r.code).toBe(0);
    expect(r.data).toMatchObject({ outcome: 'outside-doe', institution: { name: 'University of British Columbia' } });
    expect(r.data.match).toEqual({ how: 'alias', description: 'the short name UBC' });
  });

  it('ambiguous: a state name lists candidates with ALA hosts first and marked, exit 3', () => {
    const r = runMls(['check', 'Indiana']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('error: "Indiana" matches 10 institutions (too general to pick one):');
    expect(lines[1]).toContain('[ALA-accredited program]');
    expect(lines[2]).toContain('[ALA-accredited program]');
    expect(r.stderr).not.toContain('Wrightco');
  });

  it('ambiguous --json: the candidate list with alaHost', () => {
    const r = json(['check', 'USC']);
    expect(r.code).toBe(3);
    expect(r.data.result).toBe('ambiguous');
    expect(r.data.candidates.map((c: { opeId: string; alaHost: boolean }) => [c.opeId, c.alaHost])).toEqual([
      ['00132800', true],
      ['00344800', true],
    ]);
  });

  it('unconfirmed: accredited in DAPIP 2020 but no longer listed by IPEDS 2024-25 (Iowa Wesleyan), exit 1', () => {
    const r = runMls(['check', 'Iowa Wesleyan University']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '? Cannot confirm: DAPIP recorded accreditation in November 2020, but IPEDS 2024-25 no longer lists the institution (UNITID 153621)',
    );
  });

  it('not found: exit 3', () => {
    const r = runMls(['check', 'Hogwarts School of Witchcraft and Wizardry']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no institution matches');
  });

  it('a later accreditor change is shown: the University of Arizona left the HLC in 2023', () => {
    const r = runMls(['check', 'University of Arizona']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  left 2023-08-01  Higher Learning Commission');
    expect(r.stdout).toContain('2023-08-01  HLC: Loss of Accreditation or Preaccreditation: Voluntary Withdrawal');
    expect(r.stdout).toContain('usually a move to another accreditor');
  });

  it.each([
    [['check', '12'], '"12" is not an id: an OPEID has 8 digits, an IPEDS UNITID 6, a DAPIP id 6 or 9'],
    [['check', '!!!'], '"!!!" has no letters or digits to look up'],
    [['check', ' '], 'no institution given'],
    [['check', 'a'.repeat(10_000)], 'the institution name is 10000 characters long; the limit is 200'],
    [['show', '?'], '"?" has no letters or digits to look up'],
  ])('junk input is a usage error, exit 2: %j', (args, message) => {
    const r = runMls(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`error: ${message}`);
  });
});

describe('mls show uses the same resolver', () => {
  it('mls show lists only institutions with a program when a name fits several (University of Texas)', () => {
    const r = runMls(['show', 'University of Texas']);
    expect(r.code).toBe(3);
    const listed = r.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(listed.length).toBe(2);
    for (const line of listed) expect(line).toContain('[ALA-accredited program]');
  });

  it('mls show "Indiana University" lists the Indianapolis online MLIS beside Bloomington’s programs', () => {
    const r = runMls(['show', 'Indiana University']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('matches 3 programs');
    expect(r.stderr).toContain('indiana-university-indianapolis-formerly-iupui-mlis');
    expect(r.stderr).toContain('indiana-university-bloomington-mls');
  });

  it('mls show "University of California" reaches UCLA’s program, not an error about UCSF (whose alias it is)', () => {
    const r = runMls(['show', 'University of California']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('University of California, Los Angeles: Master of Library and Information Science');
  });

  it('mls check Simons offers Simmons beside Simon’s Rock instead of a verdict about Simon’s Rock', () => {
    const r = runMls(['check', 'Simons']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Simmons University');
    expect(r.stderr).toContain("Simon's Rock");
  });

  it('mls show ubc reaches the University of British Columbia program', () => {
    const r = runMls(['show', 'ubc']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('University of British Columbia: Master of Library and Information Studies (MLIS)');
  });

  it('lists the same candidates as check for a generic word, exit 3', () => {
    const r = runMls(['show', 'Indiana']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      'Indiana University Bloomington (Bloomington, IN)  OPEID 00180900, DAPIP 115126  [ALA-accredited program]',
    );
  });

  it('among candidates, the only ALA host is the one a program is shown for (Hawaii)', () => {
    const r = runMls(['show', 'Hawaii']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('University of Hawaiʻi at Mānoa: ');
  });
});

describe('imported data that is damaged', () => {
  function imported() {
    const home = tempHome();
    expect(runMls(['data', 'import', 'dapip', dapipFixtures], { env: { HOME: home } }).code).toBe(0);
    return { home, dir: join(home, 'mls-data', 'dapip') };
  }

  it.each([
    ['cut in half', (path: string) => truncateSync(path, Math.floor(readFileSync(path).length / 2))],
    ['empty', (path: string) => writeFileSync(path, '')],
  ])('an index that is %s is named, with the way back (exit 74)', (_what, damage) => {
    const { home, dir } = imported();
    damage(join(dir, 'dapip-index.tsv'));
    const r = runMls(['check', 'harvard'], { env: { HOME: home } });
    expect(r.code).toBe(74);
    expect(r.stderr).toContain(`error: the imported dapip file ${join(dir, 'dapip-index.tsv')} is damaged`);
    expect(r.stderr).toContain('hint: run `mls data reset dapip`');
  });

  it.each(['dapip-details.ndjson', 'dapip-meta.json', 'meta.json'])(
    'a truncated %s is named, not an internal error',
    (file) => {
      const { home, dir } = imported();
      const path = join(dir, file);
      truncateSync(path, Math.floor(readFileSync(path).length / 2));
      const r = runMls(['check', 'harvard'], { env: { HOME: home } });
      expect(r.code).toBe(74);
      expect(r.stderr).toContain('is damaged');
      expect(r.stderr).not.toContain('internal error');
    },
  );
});

describe('zip members past the bound', () => {
  it('are refused before they are read', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const zip = zipSync({ 'InstitutionCampus.csv': strToU8('x') });
    // Declare 300 MB in the local header (offset 22) and the central directory entry (offset 24).
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    view.setUint32(22, 300 * 1024 * 1024, true);
    for (let i = zip.length - 22; i >= 0; i -= 1) {
      if (view.getUint32(i, true) === 0x02014b50) {
        view.setUint32(i + 24, 300 * 1024 * 1024, true);
        break;
      }
    }
    const home = tempHome();
    const path = join(home, 'bomb.zip');
    writeFileSync(path, zip);
    const r = runMls(['data', 'import', 'dapip', path], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'InstitutionCampus.csv would expand to 300 MB, past the 200 MB limit; refused before reading it',
    );
  });
});

describe('mls data import ipeds-hd', () => {
  it('imports hdYYYY.csv, which check then uses, and reset returns to the bundle', () => {
    const home = tempHome();
    const env = { HOME: home };
    const r = runMls(['data', 'import', 'ipeds-hd', hdFixture], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Imported 5 institutions from hd2024.csv (2024-25)');
    expect(json(['check', 'harvard'], env).data.ipeds).toMatchObject({ status: 'open', titleIV: true });
    // SJSU is not in the five-row file: unconfirmed (exit 1), never "closed".
    const sjsu = json(['check', 'SJSU'], env);
    expect(sjsu.code).toBe(1);
    expect(sjsu.data).toMatchObject({ outcome: 'unconfirmed', ipeds: { status: 'not-in-file' } });
    expect(runMls(['data', 'reset', 'ipeds-hd'], { env }).code).toBe(0);
    expect(json(['check', 'SJSU'], env).data.ipeds.status).toBe('open');
  });

  it('refuses a file that is not an HD file, replacing nothing (exit 2)', () => {
    const home = tempHome();
    const bad = join(home, 'hd2023.csv');
    writeFileSync(bad, 'UNITID,NAME\n100654,x\n');
    const r = runMls(['data', 'import', 'ipeds-hd', bad], { env: { HOME: home } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hd2023.csv is not an IPEDS HD (Directory Information) file: missing INSTNM');
  });
});
