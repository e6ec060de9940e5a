/** Renders an accreditation verdict and lists of institution candidates. */
import type { Verdict } from '../catalog/accreditation.js';
import type { CheckCandidate } from '../catalog/check-target.js';
import type { Style } from './color.js';

export function candidateLabel(c: CheckCandidate): string {
  if (c.kind === 'outside') return `${c.institution} (${[c.city, c.region].filter(Boolean).join(', ')}, ${c.country})`;
  const e = c.entry;
  const place = [e.city, e.state].filter(Boolean).join(', ');
  const ids = [e.opeId ? `OPEID ${e.opeId}` : null, `DAPIP ${e.id}`].filter(Boolean).join(', ');
  return `${e.name}${place ? ` (${place})` : ''}  ${ids}${e.parent ? '  [additional location]' : ''}`;
}

export function candidateId(c: CheckCandidate): string {
  return c.kind === 'outside' ? c.institution : (c.entry.opeId ?? c.entry.id);
}

export function renderVerdict(v: Verdict, style: Style): string {
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
    const state = r.inForce ? r.status : `ended ${r.end}`;
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

  const mark = v.outcome === 'not-recognized' ? style.red('✗') : style.green('✓');
  lines.push('', `${mark} ${style.bold(v.overall)}`);
  for (const w of v.warnings) lines.push(style.yellow(`! ${w}`));
  const asOf = [v.dataAsOf.dapip ? `DAPIP as of ${v.dataAsOf.dapip}` : null, `ALA data as of ${v.dataAsOf.ala}`]
    .filter(Boolean)
    .join('; ');
  lines.push(
    style.dim(
      `${asOf}. DAPIP data are reported by the accrediting agencies and not audited by the Department of Education.`,
    ),
  );
  return lines.join('\n');
}
