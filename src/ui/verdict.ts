/** Renders an accreditation verdict and lists of institution candidates. */
import type { Verdict } from '../catalog/accreditation.js';
import type { CheckCandidate } from '../catalog/check-target.js';
import type { Style } from './color.js';
import { sanitizeField } from './sanitize.js';
import { wrapWords } from './wrap.js';

const HOST_MARK = '  [ALA-accredited program]';

/**
 * Every string of a value, shown through the terminal sanitiser: DAPIP and IPEDS text can come
 * from a file the user imported, and must not reach the terminal with its control characters.
 */
function sanitized<T>(value: T): T {
  if (typeof value === 'string') return sanitizeField(value) as T;
  if (Array.isArray(value)) return value.map(sanitized) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitized(v)])) as T;
  }
  return value;
}

export function candidateLabel(candidate: CheckCandidate): string {
  const c = sanitized(candidate);
  const host = c.alaHost ? HOST_MARK : '';
  if (c.kind === 'outside')
    return `${c.institution} (${[c.city, c.region].filter(Boolean).join(', ')}, ${c.country})${host}`;
  const e = c.entry;
  const place = [e.city, e.state].filter(Boolean).join(', ');
  const ids = [e.opeId ? `OPEID ${e.opeId}` : null, `DAPIP ${e.id}`].filter(Boolean).join(', ');
  return `${e.name}${place ? ` (${place})` : ''}  ${ids}${e.parent ? '  [additional location]' : ''}${host}`;
}

/** A candidate in `--json` output (docs/check.md). */
export function candidateJson(c: CheckCandidate) {
  const common = { alaHost: c.alaHost, matchedBy: c.how };
  return c.kind === 'outside'
    ? { kind: 'outside-doe', name: c.institution, city: c.city, state: c.region, country: c.country, ...common }
    : {
        kind: 'dapip',
        name: c.entry.name,
        city: c.entry.city,
        state: c.entry.state,
        opeId: c.entry.opeId,
        unitIds: c.entry.unitIds,
        dapipId: c.entry.id,
        parentDapipId: c.entry.parent,
        ...common,
      };
}

export function candidateId(c: CheckCandidate): string {
  return c.kind === 'outside' ? c.institution : (c.entry.opeId ?? c.entry.id);
}

/**
 * The verdict as text. With `columns` (a terminal's width), the prose lines (warnings, notes,
 * sources) are wrapped to it with a hanging indent; without, each stays one line for scripts.
 */
export function renderVerdict(verdict: Verdict, matchedText: string | null, style: Style, columns?: number): string {
  const v = sanitized(verdict);
  /** A paragraph: its leading spaces start it, continuation lines take `indent`; painted after wrapping. */
  const para = (text: string, paint: (t: string) => string = (t) => t, indent = '  ') => {
    const lead = /^ */.exec(text)?.[0] ?? '';
    const wrapped = columns ? `${lead}${wrapWords(text.slice(lead.length), columns, indent)}` : text;
    return wrapped
      .split('\n')
      .map((line) => paint(line))
      .join('\n');
  };
  /** A table row: a painted status column 16 wide, then text wrapped under the text column. */
  const row = (status: string, text: string) =>
    `  ${status}  ${columns ? wrapWords(text, columns, ' '.repeat(16)) : text}`;
  const matched = matchedText === null ? null : sanitizeField(matchedText);
  const lines: string[] = [];
  const inst = v.institution;
  const place = [inst.city, inst.state, v.country].filter(Boolean).join(', ');
  lines.push(para(`${inst.name}${place ? ` (${place})` : ''}`, style.bold));
  const ids = [
    inst.opeId ? `OPEID ${inst.opeId}` : null,
    inst.unitIds.length ? `UNITID ${inst.unitIds.join(', ')}` : null,
    inst.dapipId ? `DAPIP ${inst.dapipId}` : null,
  ].filter(Boolean);
  if (ids.length) lines.push(para(ids.join(' · '), style.dim));
  if (inst.matchedLocation)
    lines.push(para(`(matched ${inst.matchedLocation.name}, an additional location of this institution)`, style.dim));
  else if (matched) lines.push(para(`(matched ${matched})`, style.dim));
  if (v.ipeds?.name && v.ipeds.name !== inst.name)
    lines.push(para(`Current name (IPEDS ${v.ipeds.year}): ${v.ipeds.name}`, style.dim));

  lines.push('', style.bold('ALA accreditation'));
  if (v.programs.length === 0) lines.push('  no ALA-accredited master’s program');
  for (const p of v.programs) {
    const status = p.accredited ? p.status : `${p.status} (NOT accredited)`;
    const paint = !p.accredited ? style.red : p.status === 'conditional' ? style.yellow : style.green;
    lines.push(
      row(
        paint(status.padEnd(12)),
        `${p.program} (${p.degree})  next review: ${p.nextReview}${p.reviewPast ? ' (past)' : ''}`,
      ),
    );
  }

  lines.push('', para('Institutional accreditation (U.S. Department of Education, DAPIP)', style.bold));
  if (v.doeCoverage === 'outside') {
    lines.push(
      `  ${para(`not covered: DAPIP lists U.S. institutions (and a few abroad accredited by U.S. agencies); ${v.country} is outside it`, undefined, '    ')}`,
    );
  } else if (v.institutional.length === 0) {
    lines.push('  no institutional accreditation record');
  }
  for (const r of v.institutional) {
    const recognition =
      r.agency.recognizedBy === 'both' || r.agency.recognizedBy === 'USDE'
        ? 'USDE-recognized'
        : r.agency.recognizedBy === 'former-USDE'
          ? 'no longer USDE-recognized'
          : r.agency.recognizedBy === 'CHEA'
            ? 'CHEA only'
            : 'recognition unknown';
    const state = r.endedLater ? `left ${r.endedLater}` : r.inForce ? r.status : `ended ${r.end}`;
    const paint = r.recognized ? style.green : r.inForce ? style.yellow : style.dim;
    const dates = [r.since ? `since ${r.since}` : null, r.inForce && r.review ? `next review ${r.review}` : null]
      .filter(Boolean)
      .join(', ');
    lines.push(
      row(paint(state.padEnd(12)), `${r.agency.name} (${r.agency.short}, ${recognition})${dates ? `: ${dates}` : ''}`),
    );
  }
  for (const a of v.actions) {
    lines.push(
      para(`  ${a.date}  ${a.agencyShort}: ${a.action}${a.clearedLater ? ' (later removed)' : ''}`, style.dim, '    '),
    );
  }
  if (v.laterActions.length > 0) {
    const asOf = v.sources.find((s) => s.name.startsWith('DAPIP actions'))?.asOf;
    lines.push('', para(`Later DAPIP actions (a partial record, read ${asOf ?? 'later'})`, style.bold));
    for (const a of v.laterActions) {
      const reason = a.reason ? ` (${a.reason})` : '';
      lines.push(
        para(
          `  ${a.date}  ${a.agencyShort}: ${a.description}${a.status === 'resolved' ? ' [resolved]' : ''}${reason}`,
          undefined,
          '    ',
        ),
      );
    }
    if (v.laterActions.some((a) => a.voluntary)) {
      lines.push(
        para(
          '  A voluntary withdrawal often means a move to another accreditor or the end of a programmatic accreditation, not a loss of recognition.',
          style.dim,
        ),
      );
    }
  }
  if (v.ipeds) lines.push('', style.bold(`IPEDS ${v.ipeds.year}`), para(`  ${ipedsText(v)}`, undefined, '    '));

  const failed = v.outcome === 'not-recognized' || v.outcome === 'closed' || v.outcome === 'merged';
  const mark = v.outcome === 'unconfirmed' ? style.yellow('?') : failed ? style.red('✗') : style.green('✓');
  const overall = columns ? wrapWords(v.overall, columns, '  ') : v.overall;
  lines.push(
    '',
    `${mark} ${overall
      .split('\n')
      .map((line) => style.bold(line))
      .join('\n')}`,
  );
  if (v.staleness) lines.push(para(`! ${v.staleness}`, style.yellow));
  for (const w of v.warnings) lines.push(para(`! ${w}`, style.yellow));
  const sources = v.sources.map((s) => `${s.name} ${s.asOf}`).join('; ');
  lines.push(
    para(
      `Sources: ${sources}. DAPIP data are reported by the accrediting agencies and not audited by the Department of Education.${v.doeCoverage === 'covered' ? ' Newer files: `mls data import dapip <zip>`, `mls data import ipeds-hd <hdYYYY.csv>`.' : ''}`,
      style.dim,
    ),
  );
  return lines.join('\n');
}

function ipedsText(v: Verdict): string {
  const i = v.ipeds;
  if (!i) return '';
  const web = i.web ? ` · ${i.web}` : '';
  switch (i.status) {
    case 'closed':
      return `closed${i.closedOn ? ` on ${i.closedOn}` : ''}${i.titleIV === false ? '; not in federal student aid' : ''}`;
    case 'merged':
      return `merged into ${i.mergedInto?.name ?? 'another institution'} (UNITID ${i.mergedInto?.unitId})`;
    case 'not-in-file':
      return 'not listed (the directory lists every institution that reports to IPEDS: it may have closed or merged)';
    default:
      return i.titleIV
        ? `open; in Title IV federal student aid, which requires accreditation by a recognized agency (or, rarely, state approval)${web}`
        : `open; not in Title IV federal student aid${web}`;
  }
}
