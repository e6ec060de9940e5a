/** Renders an accreditation verdict and lists of institution candidates. */
import type { Verdict } from '../catalog/accreditation.js';
import type { CheckCandidate } from '../catalog/check-target.js';
import type { Style } from './color.js';
import { sanitizeField } from './sanitize.js';

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

export function renderVerdict(verdict: Verdict, matchedText: string | null, style: Style): string {
  const v = sanitized(verdict);
  const matched = matchedText === null ? null : sanitizeField(matchedText);
  const lines: string[] = [];
  const inst = v.institution;
  const place = [inst.city, inst.state, v.country].filter(Boolean).join(', ');
  lines.push(style.bold(`${inst.name}${place ? ` (${place})` : ''}`));
  const ids = [
    inst.opeId ? `OPEID ${inst.opeId}` : null,
    inst.unitIds.length ? `UNITID ${inst.unitIds.join(', ')}` : null,
    inst.dapipId ? `DAPIP ${inst.dapipId}` : null,
  ].filter(Boolean);
  if (ids.length) lines.push(style.dim(ids.join(' · ')));
  if (inst.matchedLocation)
    lines.push(style.dim(`(matched ${inst.matchedLocation.name}, an additional location of this institution)`));
  else if (matched) lines.push(style.dim(`(matched ${matched})`));
  if (v.ipeds?.name && v.ipeds.name !== inst.name)
    lines.push(style.dim(`Current name (IPEDS ${v.ipeds.year}): ${v.ipeds.name}`));

  lines.push('', style.bold('ALA accreditation'));
  if (v.programs.length === 0) lines.push('  no ALA-accredited master’s program');
  for (const p of v.programs) {
    const status = p.accredited ? p.status : `${p.status} (NOT accredited)`;
    const paint = !p.accredited ? style.red : p.status === 'conditional' ? style.yellow : style.green;
    lines.push(
      `  ${paint(status.padEnd(12))}  ${p.program} (${p.degree})  next review: ${p.nextReview}${p.reviewPast ? ' (past)' : ''}`,
    );
  }

  lines.push('', style.bold('Institutional accreditation (U.S. Department of Education, DAPIP)'));
  if (v.doeCoverage === 'outside') {
    lines.push(
      `  not covered: DAPIP lists U.S. institutions (and a few abroad accredited by U.S. agencies); ${v.country} is outside it`,
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
      `  ${paint(state.padEnd(12))}  ${r.agency.name} (${r.agency.short}, ${recognition})${dates ? `: ${dates}` : ''}`,
    );
  }
  for (const a of v.actions) {
    lines.push(style.dim(`  ${a.date}  ${a.agencyShort}: ${a.action}${a.clearedLater ? ' (later removed)' : ''}`));
  }
  if (v.laterActions.length > 0) {
    const asOf = v.sources.find((s) => s.name.startsWith('DAPIP actions'))?.asOf;
    lines.push('', style.bold(`Later DAPIP actions (a partial record, read ${asOf ?? 'later'})`));
    for (const a of v.laterActions) {
      const reason = a.reason ? ` (${a.reason})` : '';
      lines.push(
        `  ${a.date}  ${a.agencyShort}: ${a.description}${a.status === 'resolved' ? ' [resolved]' : ''}${reason}`,
      );
    }
    if (v.laterActions.some((a) => a.voluntary)) {
      lines.push(
        style.dim(
          '  A voluntary withdrawal often means a move to another accreditor or the end of a programmatic accreditation, not a loss of recognition.',
        ),
      );
    }
  }
  if (v.ipeds) lines.push('', style.bold(`IPEDS ${v.ipeds.year}`), `  ${ipedsText(v)}`);

  const failed = v.outcome === 'not-recognized' || v.outcome === 'closed' || v.outcome === 'merged';
  const mark = v.outcome === 'unconfirmed' ? style.yellow('?') : failed ? style.red('✗') : style.green('✓');
  lines.push('', `${mark} ${style.bold(v.overall)}`);
  if (v.staleness) lines.push(style.yellow(`! ${v.staleness}`));
  for (const w of v.warnings) lines.push(style.yellow(`! ${w}`));
  const sources = v.sources.map((s) => `${s.name} ${s.asOf}`).join('; ');
  lines.push(
    style.dim(
      `Sources: ${sources}. DAPIP data are reported by the accrediting agencies and not audited by the Department of Education.${v.doeCoverage === 'covered' ? ' Newer files: `mls data import dapip <zip>`, `mls data import ipeds-hd <hdYYYY.csv>`.' : ''}`,
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
