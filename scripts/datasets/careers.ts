import { join } from 'node:path';
import { EVIDENCE_FILE } from '../../src/catalog/evidence.js';
import { addYear, type Counts, serializeEvidence, toCompletions } from '../../src/formats/evidence.js';
import {
  type CareersDataset,
  type CipTaxonomy,
  careersDataset,
  cipTaxonomy,
  type EvidenceDataset,
  evidenceDataset,
  type HostEvidence,
} from '../../src/schema/datasets.js';
import { ALA_DAPIP_LINKS } from './ala-dapip-links.js';
import { readCsv } from './csv.js';
import type { DatasetBuilder } from './types.js';

export const CIP_FILE = 'cip.json';
export const CAREERS_FILE = 'careers.json';

/** The 18 careers named in the product brief, in its order. */
export const SEED_CAREERS = [
  'Researcher',
  'Information resources specialist',
  'Web analytics manager',
  'Digital Reference Librarian',
  'Digital Services Director',
  'Teaching and Services Learning Coordinator',
  'Archival Consultant',
  'Curator, Media Resources',
  'Geographic Information System Map Specialist',
  'Information Resources Project Director',
  'Architecture Librarian',
  'Metadata Librarian',
  'Metadata Analyst',
  'Digital Initiatives Archivist',
  'Director of Technical Services',
  'Document Control Archivist',
  'Visual Resource Manager',
  'Department Director, Music, Film, Digital Books',
] as const;

const COMPLEMENT = '(communication-skills complement, teaching/tutoring roles)';
const YEARS = ['2020', '2021', '2022', '2023', '2024'];
const AWARD_YEARS = ['2019-20', '2020-21', '2021-22', '2022-23', '2023-24'];
/** Clarion merged into Pennsylvania Western University (UNITID 498571), which reports for it from 2021-22. */
export const UNIT_ALIASES: Record<string, string> = { '211644': '498571' };

export const careersBuilder: DatasetBuilder = {
  name: 'careers and evidence',
  async build(referenceDir) {
    const dir = join(referenceDir, 'cip');
    const cipRows = await readCsv(join(dir, 'cip2020.csv'));
    const mapRows = await readCsv(join(dir, 'career_cip_map.csv'));
    const valid = new Set(cipRows.map((r) => r.code));
    const clean = (t: string) => t.replace(/\.$/, '').trim();

    // Careers: the reference mapping, checked against CIP 2020.
    const byCareer = new Map<string, CareersDataset['careers'][number]>();
    for (const row of mapRows) {
      const code = row.cip_code as string;
      if (!valid.has(code)) throw new Error(`career_cip_map.csv: ${code} is not a CIP 2020 code`);
      const name = row.career as string;
      const entry = byCareer.get(name) ?? { name, departments: [] };
      entry.departments.push({ code, weight: row.weight as 'primary' | 'secondary', reason: row.reason as string });
      byCareer.set(name, entry);
    }
    const complement = byCareer.get(COMPLEMENT);
    if (!complement) throw new Error('career_cip_map.csv: the communication-skills complement is missing');
    const careers = SEED_CAREERS.map((name) => {
      const c = byCareer.get(name);
      if (!c) throw new Error(`career_cip_map.csv: no rows for "${name}"`);
      return c;
    });
    // Teaching and tutoring roles also get the complement's codes they do not list already.
    for (const c of careers.filter((x) => /teaching|tutor/i.test(x.name))) {
      for (const d of complement.departments) {
        if (!c.departments.some((x) => x.code === d.code)) c.departments.push(d);
      }
    }

    const codesUsed = new Set(
      careers.flatMap((c) => c.departments.map((d) => d.code)).concat(complement.departments.map((d) => d.code)),
    );
    const titles: Record<string, string> = {};
    for (const r of cipRows) {
      if (r.level === '2' || r.level === '4' || codesUsed.has(r.code as string))
        titles[r.code as string] = clean(r.title as string);
    }
    const cip: CipTaxonomy = cipTaxonomy.parse({
      meta: {
        dataset: 'cip',
        title: 'CIP 2020 families and series',
        asOf: '2020',
        source: 'NCES Classification of Instructional Programs 2020 (reference/cip/cip2020.csv)',
        recordCount: Object.keys(titles).length,
      },
      titles,
    });
    const careersData: CareersDataset = careersDataset.parse({
      meta: {
        dataset: 'careers',
        title: 'Careers and their complementary departments',
        // The reference mapping carries no finer date than the year its folder was compiled.
        asOf: '2026',
        source: 'Career to CIP mapping reviewed for mls (reference/cip/career_cip_map.csv)',
        recordCount: careers.length,
      },
      careers,
      complement: { ...complement, name: 'Communication-skills complement (teaching and tutoring roles)' },
    });

    // Evidence: IPEDS completions (first majors) for the hosts, five years; the national
    // career-CIP file for hosts outside the host list; Scorecard PCIP shares.
    const hostUnits = new Set(ALA_DAPIP_LINKS.map(([, , , unit]) => UNIT_ALIASES[unit] ?? unit));
    const counts = new Map<string, Map<string, Counts>>();
    const completions = async (file: string, units: ReadonlySet<string>) =>
      (await readCsv(join(dir, file)))
        .filter((r) => units.has(r.unitid as string))
        .map((r) => ({
          unitId: r.unitid as string,
          cip: r.cipcode as string,
          awlevel: r.awlevel as string,
          count: Number(r.ctotalt),
        }));
    for (const [i, year] of YEARS.entries()) {
      const rows = await completions(`ipeds_completions_nfapu_${year}.csv`, hostUnits);
      addYear(counts, rows, { yearIndex: i, years: YEARS.length, latest: i === YEARS.length - 1, named: codesUsed });
    }
    const fullCoverage = new Set(counts.keys());
    const missing = new Set([...hostUnits].filter((u) => !counts.has(u)));
    const national = await completions('ipeds_completions_nfapu_2024_all_institutions_career_cips.csv', missing);
    addYear(counts, national, { yearIndex: YEARS.length - 1, years: YEARS.length, latest: true, named: codesUsed });
    const pcip = new Map<string, Record<string, number>>();
    for (const r of await readCsv(join(dir, 'scorecard_pcip_lis_hosts.csv'))) {
      const unit = r.unitid as string;
      if (!hostUnits.has(unit) || r.cip2 === '25') continue;
      const shares = pcip.get(unit) ?? {};
      shares[r.cip2 as string] = Number(r.pcip_share_of_undergrad_awards);
      pcip.set(unit, shares);
    }
    const hosts: HostEvidence[] = [...hostUnits]
      .sort()
      .filter((u) => counts.has(u) || pcip.has(u))
      .map((unitId) => ({
        unitId,
        coverage: fullCoverage.has(unitId) ? ('all-cips' as const) : ('career-cips' as const),
        completions: toCompletions(counts.get(unitId)),
        pcip: pcip.get(unitId) ?? {},
      }));
    const evidence: EvidenceDataset = evidenceDataset.parse({
      meta: {
        dataset: 'host-evidence',
        title: 'Departments of the host universities: IPEDS completions and College Scorecard shares',
        asOf: '2024-06',
        source: 'NCES IPEDS Completions C2020_A–C2024_A (first majors) and College Scorecard PCIP (reference/cip)',
        recordCount: hosts.length,
      },
      years: AWARD_YEARS,
      unitAliases: UNIT_ALIASES,
      hosts,
    });
    return {
      files: {
        [CIP_FILE]: `${JSON.stringify(cip, null, 1)}\n`,
        [CAREERS_FILE]: `${JSON.stringify(careersData, null, 2)}\n`,
        [EVIDENCE_FILE]: serializeEvidence(evidence),
      },
      metas: [
        {
          file: CAREERS_FILE,
          meta: careersData.meta,
          details: [
            'The 18 careers of the product brief, each mapped to CIP 2020 families (2-digit), series (4-digit) or programs (6-digit), primary or secondary, with a one-line reason. Taken from the reviewed mapping in the reference folder; every code is checked against CIP 2020. Teaching and tutoring roles also get the communication-skills complement (Communication 09, Education 13, Rhetoric and Composition 23.13).',
          ],
        },
        {
          file: CIP_FILE,
          meta: cip.meta,
          details: [
            'Titles of every CIP 2020 family and series, and of the 6-digit codes the careers name (NCES CIPCode2020.csv, trimmed; reserved and moved codes dropped).',
          ],
        },
        {
          file: EVIDENCE_FILE,
          meta: evidence.meta,
          details: [
            `${hosts.length} U.S. host universities. Per CIP family, series and named program: bachelor's, master's, research-doctoral and other completions (first majors) in 2023-24, and the all-level total of each award year 2019-20 to 2023-24. Library science itself (family 25) is left out so the LIS program does not count for itself; some hosts report their LIS master's under Information Science (11.04), which is kept and flagged.`,
            'Hosts missing from the reference host list (USC, Chicago State, East Carolina, Rhode Island, Central Missouri, Middle Tennessee) have 2023-24 completions for career-related codes only, from the national file. Clarion reports as Pennsylvania Western University (498571) after the 2022 merger. Canadian and UK hosts have no evidence.',
            'College Scorecard PCIP: the share of each family in undergraduate awards (a Scorecard release of about 2023-24).',
          ],
        },
      ],
    };
  },
};
