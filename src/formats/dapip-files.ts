/**
 * On-disk form of the DAPIP dataset, laid out for a fast `mls check`:
 *
 *   dapip-index.tsv      one line per location: the names and ids a lookup needs
 *   dapip-details.ndjson one JSON line per location: accreditation records and actions,
 *                        read alone at the byte offset the index gives
 *   dapip-meta.json      dataset metadata and agencies
 *
 * Parsing the whole dataset as one JSON file took ~50 ms; this takes a few.
 */
import { DAPIP_STORE_FILES, type DapipMetaFile } from '../catalog/dapip-index.js';
import { acronym, canonicalName } from '../catalog/institution-names.js';
import type { HdTable } from '../catalog/ipeds-hd.js';
import type { DapipDataset } from '../schema/datasets.js';

export const INDEX_HEADER =
  'canonical\tname\tcity\tstate\topeid\tunitids\tdapipid\tparent\tacronym\toffset\tlength\taliases';

const clean = (s: string | null) => (s ?? '').replace(/[\t\r\n]+/g, ' ');

/**
 * Names precomputed for the lookup: `c:` the city, and from IPEDS HD joined on UNITID
 * `n:` the current name (when it differs) and `a:` each alias the institution reports (IALIAS).
 */
function hdAliases(
  unitIds: readonly string[],
  canonical: string,
  city: string | null,
  hd: HdTable | undefined,
): string {
  const out = new Set<string>();
  // The city too (`c:`), so a lookup can tell a city name from a school name without folding 12,000 cities.
  const cityName = canonicalName(city ?? '');
  if (cityName) out.add(`c:${cityName}`);
  if (!hd) return [...out].join('|');
  for (const unitId of unitIds) {
    const r = hd.get(unitId);
    if (!r) continue;
    const current = canonicalName(r.name);
    if (current && current !== canonical) out.add(`n:${current}`);
    for (const a of r.aliases) {
      const c = canonicalName(a);
      if (c && c !== canonical && c !== current) out.add(`a:${c}`);
    }
  }
  return [...out].join('|');
}

export function serializeDapip(dataset: DapipDataset, hd?: HdTable): Record<string, string> {
  const detailLines: string[] = [];
  const indexLines: string[] = [INDEX_HEADER];
  let offset = 0;
  for (const inst of dataset.institutions) {
    const line = JSON.stringify({ id: inst.id, accreditation: inst.accreditation, actions: inst.actions });
    const length = Buffer.byteLength(line);
    const canonical = canonicalName(inst.name);
    indexLines.push(
      [
        canonical,
        inst.name,
        inst.city,
        inst.state,
        inst.opeId,
        inst.unitIds.join(' '),
        inst.id,
        inst.parent,
        acronym(canonical),
        String(offset),
        String(length),
        hdAliases(inst.unitIds, canonical, inst.city, hd),
      ]
        .map(clean)
        .join('\t'),
    );
    detailLines.push(line);
    offset += length + 1;
  }
  const meta: DapipMetaFile = { meta: dataset.meta, agencies: dataset.agencies };
  return {
    [DAPIP_STORE_FILES.index]: `${indexLines.join('\n')}\n`,
    [DAPIP_STORE_FILES.details]: `${detailLines.join('\n')}\n`,
    [DAPIP_STORE_FILES.meta]: `${JSON.stringify(meta, null, 2)}\n`,
  };
}
