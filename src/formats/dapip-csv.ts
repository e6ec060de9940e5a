/**
 * Reads the official DAPIP CSV download (InstitutionCampus.csv,
 * AccreditationRecords.csv, AccreditationActions.csv) into the compact dataset
 * mls bundles. Used by the data build and by `mls data import dapip`.
 */
import { CsvError, parse } from 'csv-parse/sync';
import { compareText } from '../catalog/normalize.js';
import { ExitCode, UserError } from '../errors.js';
import type { AccreditationAction, Agency, DapipDataset, Institution } from '../schema/datasets.js';

export const DAPIP_FILES = {
  campus: 'InstitutionCampus.csv',
  records: 'AccreditationRecords.csv',
  actions: 'AccreditationActions.csv',
} as const;
export type DapipFileKey = keyof typeof DAPIP_FILES;

const REQUIRED_COLUMNS: Record<DapipFileKey, string[]> = {
  campus: ['DapipId', 'OpeId', 'IpedsUnitIds', 'LocationName', 'ParentDapipId', 'LocationType', 'Address'],
  records: [
    'DapipId',
    'AgencyId',
    'AgencyName',
    'ProgramName',
    'AccreditationDate',
    'AccreditationStatus',
    'ReviewDate',
    'AccreditationEndDate',
  ],
  actions: [
    'DapipId',
    'AgencyId',
    'AgencyName',
    'ProgramName',
    'ActionDescription',
    'ActionDate',
    'JustificationDescription',
  ],
};

const INSTITUTIONAL = 'Institutional Accreditation';

type Row = Record<string, string>;

function parseFile(key: DapipFileKey, text: string): Row[] {
  const file = DAPIP_FILES[key];
  if (text.includes('\u0000')) {
    throw new UserError(`${file} is not a CSV file (it contains binary data)`, {
      hint: 'pass the CSV files or the zip from the DAPIP "Download Data Files" page',
    });
  }
  const header = text.slice(0, text.search(/\r?\n/) >>> 0).replace(/^\uFEFF/, '');
  const columns = header.split(',').map((c) => c.replace(/^"|"$/g, '').trim());
  const missing = REQUIRED_COLUMNS[key].filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new UserError(`${file}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, {
      where: `${file}:1`,
      hint: `expected the official DAPIP header (${REQUIRED_COLUMNS[key].join(', ')}, …)`,
    });
  }
  try {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false }) as Row[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new UserError(`${file}: not a valid CSV file (${error.message.replace(/^Invalid Record Length: /, '')})`, {
        where: line ? `${file}:${line}` : file,
        hint: 'the file may be truncated or damaged: download it again',
      });
    }
    throw error;
  }
}

/** `M/D/YYYY 12:00:00 AM` or `MM/DD/YYYY` -> `YYYY-MM-DD`; blank or impossible -> null. */
export function dapipDate(value: string | undefined): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec((value ?? '').trim());
  if (!match) return null;
  const [, m, d, y] = match.map(Number) as [number, number, number, number];
  if (y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** `street, city, ST 12345-6789` -> city and state; either may be null. */
export function parseAddress(address: string): { city: string | null; state: string | null } {
  const parts = address.split(',').map((p) => p.trim());
  const last = parts.at(-1) ?? '';
  const state = /^([A-Z]{2})\b/.exec(last)?.[1] ?? null;
  const city = parts.length >= 2 && state ? parts.at(-2) || null : null;
  return { city, state };
}

function blankOrDash(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' || v === '-' ? null : v;
}

export function actionKind(description: string): AccreditationAction['kind'] | null {
  if (/^(Probation or Equivalent|Warning or Equivalent|Heightened Monitoring)/i.test(description)) return 'adverse';
  if (
    /^(Loss of Accreditation|Institution Closed|Affirm Denial|Agency no longer recognized|Voluntary Withdrawal)/i.test(
      description,
    )
  ) {
    return 'loss';
  }
  if (/^(Accreditation Reaffirmed|Removal of (Monitoring|Show Cause)|Accreditation Reinstated)/i.test(description)) {
    return 'cleared';
  }
  return null;
}

export interface DapipTexts {
  campus: string;
  records: string;
  actions: string;
}

/**
 * Builds the dataset from the three CSV texts. `knownAgencies` supplies short names and
 * recognition; an agency not in it keeps its DAPIP name with recognition `unknown`.
 */
export function buildDapipDataset(texts: DapipTexts, knownAgencies: readonly Agency[], source: string): DapipDataset {
  const campus = parseFile('campus', texts.campus);
  const records = parseFile('records', texts.records);
  const actions = parseFile('actions', texts.actions);

  const byId = new Map<string, Institution>();
  const allLocations = new Set<string>();
  for (const row of campus) {
    const id = (row.DapipId ?? '').trim();
    allLocations.add(id);
    const opeId = blankOrDash(row.OpeId);
    const unitIds = (row.IpedsUnitIds ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter((u) => /^\d+$/.test(u));
    const type = (row.LocationType ?? '').trim();
    // Institutions, and the additional locations that have ids of their own (branch campuses).
    if (type !== 'Institution' && !(type === 'Additional Location' && (opeId || unitIds.length > 0))) continue;
    byId.set(id, {
      id,
      opeId: opeId && /^\d{8}$/.test(opeId) ? opeId : null,
      unitIds,
      name: (row.LocationName ?? '').trim().replace(/\s+/g, ' '),
      ...parseAddress(row.Address ?? ''),
      parent: type === 'Institution' ? null : blankOrDash(row.ParentDapipId),
      accreditation: [],
      actions: [],
    });
  }
  if (byId.size === 0) {
    throw new UserError(`${DAPIP_FILES.campus} has no institutions`, { hint: 'the file may be truncated' });
  }

  const agencyNames = new Map<string, string>();
  const dangling = new Set<string>();
  for (const row of records) {
    const id = (row.DapipId ?? '').trim();
    if (!allLocations.has(id)) dangling.add(id);
    if (row.ProgramName !== INSTITUTIONAL) continue;
    const inst = byId.get(id);
    if (!inst) continue;
    const agencyId = (row.AgencyId ?? '').trim();
    agencyNames.set(agencyId, (row.AgencyName ?? '').trim());
    inst.accreditation.push({
      agency: agencyId,
      status: (row.AccreditationStatus ?? '').trim(),
      since: dapipDate(row.AccreditationDate),
      review: dapipDate(row.ReviewDate),
      end: dapipDate(row.AccreditationEndDate),
    });
  }
  let latestAction = '';
  for (const row of actions) {
    const id = (row.DapipId ?? '').trim();
    if (!allLocations.has(id)) dangling.add(id);
    const date = dapipDate(row.ActionDate);
    if (date && date > latestAction) latestAction = date;
    if (row.ProgramName !== INSTITUTIONAL) continue;
    const inst = byId.get(id);
    const description = (row.ActionDescription ?? '').replace(/\s+/g, ' ').trim();
    const kind = actionKind(description);
    if (!inst || !kind || !date) continue;
    const agencyId = (row.AgencyId ?? '').trim();
    agencyNames.set(agencyId, (row.AgencyName ?? '').trim());
    inst.actions.push({
      agency: agencyId,
      date,
      action: description,
      kind,
      justification: blankOrDash(row.JustificationDescription),
    });
  }
  if (dangling.size > 0) {
    throw new UserError(
      `${dangling.size} location id${dangling.size > 1 ? 's' : ''} in the accreditation files ${dangling.size > 1 ? 'are' : 'is'} missing from ${DAPIP_FILES.campus} (for example ${[...dangling][0]})`,
      {
        hint: 'the three files must come from the same DAPIP download; one may be truncated',
        exitCode: ExitCode.usage,
      },
    );
  }

  const known = new Map(knownAgencies.map((a) => [a.id, a]));
  const agencies: Agency[] = [...agencyNames.keys()]
    .sort((a, b) => Number(a) - Number(b))
    .map(
      (id) =>
        known.get(id) ?? {
          id,
          short: agencyNames.get(id) ?? id,
          name: agencyNames.get(id) ?? id,
          scope: 'unknown',
          recognizedBy: 'unknown',
          recognitionEnded: null,
        },
    );

  const institutions = [...byId.values()].sort((a, b) => compareText(a.id, b.id));
  for (const inst of institutions) {
    inst.accreditation.sort((a, b) => Number(a.agency) - Number(b.agency) || compareText(a.since ?? '', b.since ?? ''));
    inst.actions.sort((a, b) => compareText(a.date, b.date) || Number(a.agency) - Number(b.agency));
  }
  return {
    meta: {
      dataset: 'dapip',
      title: 'U.S. Department of Education DAPIP: institutions and their institutional accreditation',
      asOf: latestAction || 'unknown',
      source,
      recordCount: institutions.length,
    },
    agencies,
    institutions,
  };
}
