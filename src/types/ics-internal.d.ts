// The `ics` package's own event builder and formatter (its dist/pipeline modules), which its
// public createEvents() runs after validating every event with yup. mls validates its input
// with zod and tests, and yup cost ~0.4 ms per event: 700 ms for a two-year plan. The build
// (scripts/build.mjs) and vitest alias these names to the files; a test checks that the output
// equals createEvents()'s.
declare module 'ics-internal/build' {
  import type { HeaderAttributes } from 'ics';
  export function buildHeader(attributes: HeaderAttributes): Record<string, unknown>;
}
declare module 'ics-internal/format' {
  import type { EventAttributes } from 'ics';
  export function formatEvent(event: EventAttributes | Record<string, unknown>): string;
  export function formatHeader(header: Record<string, unknown>): string;
  export function formatFooter(): string;
}
declare module 'ics-internal/fold-line' {
  /** ics's own line folding, or mls's foldLine in the bundle (scripts/ics-private.mjs). */
  export default function foldLine(line: string): string;
}
