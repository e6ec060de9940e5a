/** What `mls find` accepts, after commander has parsed and checked each option. */
import type { DeliveryMode, SortKey } from '../../catalog/programs.js';
import type { Region } from '../../catalog/regions.js';
import type { ProgramStatus } from '../../schema/datasets.js';

export interface FindOptions {
  onlineOnly?: boolean;
  delivery?: (DeliveryMode | `alias:${string}`)[];
  state?: Region[];
  region?: Region[];
  country?: Region['country'][];
  degree?: string[];
  status?: ProgramStatus[];
  query?: string;
  includeCandidates?: boolean;
  career?: string;
  dept?: string[];
  requireDept?: boolean;
  sort?: SortKey;
  maxCreditCost?: number;
  resident?: Region;
  wide?: boolean;
  json?: boolean;
  csv?: boolean;
  excel?: boolean;
  quiet?: boolean;
}
