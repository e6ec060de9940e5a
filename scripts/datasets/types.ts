import type { DatasetMeta } from '../../src/schema/datasets.js';

export interface SourceEntry {
  file: string;
  meta: DatasetMeta;
  /** Markdown paragraphs for data/SOURCES.md: provenance, caveats, transforms. */
  details: string[];
}

export interface BuiltDataset {
  /** File name under data/ -> exact content. */
  files: Record<string, string>;
  metas: SourceEntry[];
}

export interface DatasetBuilder {
  name: string;
  build(referenceDir: string): Promise<BuiltDataset>;
}
