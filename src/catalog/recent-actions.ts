/**
 * DAPIP institutional actions 2019-2026 (a partial file: 458 institutions), as `mls check`
 * reads them: one line per action, keyed by DAPIP id. A missing institution or action
 * means nothing (the file is partial), so this can add a fact to a verdict, never clear one.
 */
export const RECENT_ACTIONS_FILE = 'dapip-actions-recent.tsv';
export const RECENT_ACTIONS_HEADER = 'dapipid\tdate\tagency\taccreditor\tcode\tdescription\tstatus\treason';

export interface RecentAction {
  dapipId: string;
  date: string;
  /** DAPIP AgencyId. */
  agency: string;
  accreditor: string;
  code: string;
  /** DAPIP's description of the action (and its note, when there is one). */
  description: string;
  /** `resolved` for the removal of a status. */
  status: string;
  /** Text from the agency's letter, when the source had one (shortened). */
  reason: string | null;
}

export function parseRecentActionLine(line: string): RecentAction {
  const f = line.split('\t');
  return {
    dapipId: f[0] ?? '',
    date: f[1] ?? '',
    agency: f[2] ?? '',
    accreditor: f[3] ?? '',
    code: f[4] ?? '',
    description: f[5] ?? '',
    status: f[6] ?? '',
    reason: f[7] ? f[7] : null,
  };
}

/** Actions of one institution, oldest first; the file is sorted by DAPIP id then date. */
export function recentActionsOf(text: string, dapipId: string): RecentAction[] {
  const out: RecentAction[] = [];
  let at = text.indexOf(`\n${dapipId}\t`);
  while (at >= 0) {
    const end = text.indexOf('\n', at + 1);
    out.push(parseRecentActionLine(text.slice(at + 1, end < 0 ? undefined : end)));
    if (end < 0) break;
    at = text.startsWith(`${dapipId}\t`, end + 1) ? end : -1;
  }
  return out;
}

/** Voluntary withdrawals: often a move to another accreditor or the end of a programmatic one, not a loss. */
export const VOLUNTARY_CODES = new Set(['R', 'VR']);
