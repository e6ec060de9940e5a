import { join } from 'node:path';
import { slugify } from '../../src/catalog/normalize.js';
import { parseReviewText } from '../../src/catalog/review-text.js';
import {
  type AlaDataset,
  alaDataset,
  NOT_ACCREDITED_STATUSES,
  type Program,
  type TriState,
} from '../../src/schema/datasets.js';
import { ALA_DAPIP_LINKS } from './ala-dapip-links.js';
import { UNIT_ALIASES } from './careers.js';
import { readCsv } from './csv.js';
import {
  deliveryIsWeak,
  fallbackSummary,
  type IpedsExtras,
  programLink,
  readerSummary,
  readIpedsExtras,
  shortInstitutionName,
  specialisationsIn,
  WEAK_DELIVERY_NOTE,
} from './program-extras.js';
import type { DatasetBuilder } from './types.js';

export const ALA_FILE = 'ala-programs.json';

function triState(value: string | undefined, column: string, row: number): TriState {
  const v = (value ?? '').trim();
  if (v === '') return 'unknown';
  if (v === 'yes' || v === 'no') return v;
  throw new Error(`programs.csv row ${row}: ${column} is "${v}", expected yes, no or blank`);
}

function orNull(value: string | undefined): string | null {
  const v = (value ?? '').trim();
  return v === '' ? null : v;
}

function doeLink(institution: string, country: string): Program['doe'] {
  if (country !== 'United States') return null;
  const link = ALA_DAPIP_LINKS.find(([name]) => name === institution);
  if (!link) throw new Error(`programs.csv: no DAPIP link for ${institution}: add it to ala-dapip-links.ts`);
  const [, opeId, dapipId, unitId] = link;
  return { dapipId, opeId, unitId };
}

/** Every link's ids must sit on one DAPIP Institution row. */
async function checkLinks(referenceDir: string): Promise<void> {
  const campus = await readCsv(join(referenceDir, 'doe', 'dapip_2020-11', 'InstitutionCampus.csv'));
  const byId = new Map(campus.map((r) => [r.DapipId, r]));
  for (const [name, opeId, dapipId, unitId] of ALA_DAPIP_LINKS) {
    const row = byId.get(dapipId);
    const unitIds = (row?.IpedsUnitIds ?? '').split(',').map((u) => u.trim());
    if (row?.LocationType !== 'Institution' || row.OpeId !== opeId || !unitIds.includes(unitId)) {
      throw new Error(`ala-dapip-links.ts: ${name} (${opeId}, ${dapipId}, ${unitId}) does not match DAPIP`);
    }
  }
}

function toProgram(row: Record<string, string>, line: number, extras: IpedsExtras): Program {
  const status = (row.status ?? '').trim() || 'unknown';
  const institution = (row.institution ?? '').trim();
  const degree = (row.degree ?? '').trim();
  const doe = doeLink(institution, (row.country ?? '').trim());
  const sources = (row.sources ?? '')
    .split(' | ')
    .map((s) => s.trim())
    .filter(Boolean);
  const notes = orNull(row.notes);
  const website = orNull(row.website);
  // IPEDS files after a merger report under the new UNITID (Clarion -> PennWest).
  const unitId = doe ? (UNIT_ALIASES[doe.unitId] ?? doe.unitId) : null;
  const delivery = {
    online100: triState(row.online_100, 'online_100', line),
    mostlyOnline: triState(row.online_mostly, 'online_mostly', line),
    campus: triState(row.campus, 'campus', line),
  };
  return {
    id: slugify(`${institution} ${degree}`),
    institution,
    school: orNull(row.school),
    program: (row.program ?? '').trim(),
    degree,
    city: orNull(row.city),
    region: (row.region ?? '').trim(),
    country: (row.country ?? '').trim() as Program['country'],
    status: status as Program['status'],
    accredited: !NOT_ACCREDITED_STATUSES.includes(status as Program['status']),
    review: parseReviewText(row.accredited_through ?? ''),
    delivery,
    website,
    doe,
    sources,
    notes,
    shortName: shortInstitutionName(institution),
    link: programLink(website, sources, unitId ? extras.webAddresses.get(unitId) : undefined),
    summary: [readerSummary(notes) ?? fallbackSummary({ delivery }), deliveryIsWeak(notes) ? WEAK_DELIVERY_NOTE : '']
      .filter(Boolean)
      .join(' '),
    specialisations: specialisationsIn(notes),
    cost: unitId ? (extras.costs.get(unitId) ?? null) : null,
    distanceEd: doe ? (extras.distanceEd.get(doe.unitId) ?? extras.distanceEd.get(unitId ?? '') ?? null) : null,
  };
}

export const alaBuilder: DatasetBuilder = {
  name: 'ALA programs',
  async build(referenceDir) {
    await checkLinks(referenceDir);
    const rows = await readCsv(join(referenceDir, 'ala', 'programs.csv'));
    // Header is line 1, so data row i is on line i + 2 (no field in this file spans lines).
    const unitIds = new Set(ALA_DAPIP_LINKS.flatMap(([, , , unitId]) => [unitId, UNIT_ALIASES[unitId] ?? unitId]));
    const extras = await readIpedsExtras(referenceDir, unitIds);
    const programs = rows.map((row, i) => toProgram(row, i + 2, extras));
    const dataset: AlaDataset = alaDataset.parse({
      meta: {
        dataset: 'ala-programs',
        title: 'ALA-accredited master’s programs in library and information studies',
        asOf: '2026-02',
        source:
          'Fact table compiled from ALA Committee on Accreditation releases, Prism newsletters and school pages (reference/ala/programs.csv)',
        recordCount: programs.length,
      },
      programs,
    });
    const ids = new Set<string>();
    for (const p of programs) {
      if (ids.has(p.id)) throw new Error(`duplicate program id ${p.id}`);
      ids.add(p.id);
    }
    const accredited = programs.filter((p) => p.accredited).length;
    return {
      files: { [ALA_FILE]: `${JSON.stringify(dataset, null, 2)}\n` },
      metas: [
        {
          file: ALA_FILE,
          meta: dataset.meta,
          details: [
            `${programs.length} programs: ${accredited} accredited and ${programs.length - accredited} only seeking accreditation (candidate or precandidate), in the United States, Puerto Rico, Canada and the United Kingdom.`,
            'As of: the newest source page behind the table is dated February 2026. ALA no longer publishes expiry dates; `review` holds the next comprehensive review (or the end of the term) as the sources state it, with the original wording in `review.text`.',
            'Delivery (`online100`, `mostlyOnline`, `campus`) is `yes` or `no` only when a source says so; otherwise `unknown`. A blank status in the reference is `unknown`.',
            "Every program lists its source URLs in `sources`. `notes` is the reference table's research trail (paraphrases, with its UPDATE labels and confidence remarks); `summary` is one to three of its sentences about delivery, campus time, tracks and former names, with the labels and research remarks removed (the data test checks that each sentence is in `notes`). `specialisations` lists the tracks the notes name.",
            '`link` is the program page from the reference table; where it has none, or only a news page, the institution\'s web address from IPEDS HD2024 (`WEBADDR`, 2024-25, "institution home page"; `https://` added where it has no scheme); outside the U.S., the news page or the first non-ALA source.',
            "`cost`: the host institution's graduate tuition, required fees and per-credit charge for 2022-23, in-state and out-of-state (in-district only where it differs), from IPEDS IC2022_AY (provisional release; `TUITION5-7`, `FEE5-7`, `HRCHG5-7`). These are institution-wide graduate rates, not the program's own price: an online program's rate may differ. Null outside the U.S. (not in IPEDS).",
            '`distanceEd`: IPEDS IC2020 `DSTNGC` (graduate distance-education courses), `DSTNGP` (graduate distance-education programs) and `DISTPGS` (any distance-education programs); 1 = yes, 0 = no, other codes = unknown.',
          ],
        },
      ],
    };
  },
};
