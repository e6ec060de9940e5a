/**
 * The partial DAPIP institutional-actions file (2019-2026, reference/doe §9) -> the
 * `dapip-actions-recent.tsv` table: actions after the bundled DAPIP's as-of date, by DAPIP id.
 */
import { parse } from 'csv-parse/sync';
import { RECENT_ACTIONS_HEADER, type RecentAction } from '../catalog/recent-actions.js';

const REASON_MAX = 200;

const field = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

export function readRecentActions(text: string, after: string): RecentAction[] {
  const rows: Record<string, string>[] = parse(text, { columns: true, bom: true, skip_empty_lines: true });
  return rows
    .filter((r) => /^\d+$/.test(r.dapip_id ?? '') && (r.action_date ?? '') > after)
    .map((r) => {
      const reason = field(r.parsed_reason_snippet);
      return {
        dapipId: field(r.dapip_id),
        date: field(r.action_date).slice(0, 10),
        agency: field(r.agency_id),
        accreditor: field(r.accreditor),
        code: field(r.action_code),
        description: field(r.notes),
        status: field(r.action_status),
        reason: reason ? (reason.length > REASON_MAX ? `${reason.slice(0, REASON_MAX - 1)}…` : reason) : null,
      };
    })
    .sort((a, b) => Number(a.dapipId) - Number(b.dapipId) || (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function serializeRecentActions(actions: readonly RecentAction[]): string {
  const lines = actions.map((a) =>
    [a.dapipId, a.date, a.agency, a.accreditor, a.code, a.description, a.status, a.reason ?? '']
      .map((v) => v.replace(/[\t\r\n]+/g, ' '))
      .join('\t'),
  );
  return `${[RECENT_ACTIONS_HEADER, ...lines].join('\n')}\n`;
}
