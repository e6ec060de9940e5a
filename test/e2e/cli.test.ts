import { describe, expect, it } from 'vitest';
import { runMls } from '../helpers/run-mls.js';

describe('mls (top level)', () => {
  it('--version prints the package version', () => {
    const r = runMls(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--help lists the commands, examples and exit codes', () => {
    const r = runMls(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['find', 'show', 'data', 'Examples:', 'Exit codes:']) expect(r.stdout).toContain(word);
  });

  it('with no arguments prints help and exits 0', () => {
    const r = runMls([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: mls');
  });

  it.each([['find'], ['show'], ['data'], ['data', 'info']])('%s --help ends with examples', (...cmd) => {
    const r = runMls([...cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('$ mls ');
  });

  it('`mls help <command>` shows that command’s full help', () => {
    const r = runMls(['help', 'find']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--online-only');
  });

  it('an unknown command is a usage error (exit 2)', () => {
    const r = runMls(['fnd']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'fnd'");
  });

  it.each([
    [['careers', ''], 'the career name is empty'],
    [['careers', '  '], 'the career name is empty'],
    [['find', '--career', ''], 'it is empty'],
    [['find', '--dept', ''], 'it is empty'],
    [['find', '--dept', ','], 'it is empty'],
    [['show', 'drexel', '--career', ' '], 'it is empty'],
    [['find', '-q', ''], 'it is empty'],
  ])('an empty value is a usage error, not ignored: %j', (args, message) => {
    const r = runMls(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
  });
});

describe('mls show', () => {
  it('shows one program in full with its sources (--sources)', () => {
    const r = runMls(['show', 'san jose', '--sources']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('San José State University: Master of Library and Information Science (MLIS)');
    expect(r.stdout).toContain('continued (ALA-accredited)');
    expect(r.stdout).toContain('spring 2029');
    expect(r.stdout).toContain(
      'https://ischool.sjsu.edu/news/mlis-degree-program-fully-re-accredited-american-library-association',
    );
  });

  it('finds by id and prints JSON', () => {
    const r = runMls(['show', 'university-of-toronto-mi', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).program.institution).toBe('University of Toronto');
  });

  it('lists candidates and exits 3 when the name is ambiguous', () => {
    const r = runMls(['show', 'florida state']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('florida-state-university-msi');
    expect(r.stderr).toContain('florida-state-university-ma');
  });

  it('exits 3 when nothing matches', () => {
    const r = runMls(['show', 'hogwarts']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no program matches "hogwarts"');
  });

  it('says plainly that a candidate program is not accredited', () => {
    const r = runMls(['show', 'central missouri']);
    expect(r.stdout).toContain('NOT accredited');
  });
});

describe('mls data info', () => {
  it('lists the bundled datasets with as-of dates and counts', () => {
    const r = runMls(['data', 'info', '--json']);
    expect(r.code).toBe(0);
    const ala = JSON.parse(r.stdout).datasets.find((d: { dataset: string }) => d.dataset === 'ala-programs');
    expect(ala).toMatchObject({ asOf: '2026-02', recordCount: 72, active: 'bundled' });
  });
});
