/** Which IPEDS graduate rate applies to a student, and what it is. Pure. */
import type { Charge, Program } from '../schema/datasets.js';
import type { Region } from './regions.js';

/** `in-state`/`out-of-state` as asked; `resident-of`: decided by the student's state. */
export type Residency = 'in-state' | 'out-of-state' | 'resident-of';

/** The rate a student pays: in-state when they live in the program's state (or none is given). */
export function residencyFor(
  program: Program,
  rate: Residency,
  resident: Region | undefined,
): 'in-state' | 'out-of-state' {
  if (rate !== 'resident-of') return rate;
  return resident && resident.code === program.region ? 'in-state' : 'out-of-state';
}

export function chargeFor(program: Program, residency: 'in-state' | 'out-of-state'): Charge | null {
  if (!program.cost) return null;
  return residency === 'in-state' ? program.cost.inState : program.cost.outOfState;
}

/** The per-credit charge in dollars, or null when the institution reports none (or is not in IPEDS). */
export function creditCharge(program: Program, residency: 'in-state' | 'out-of-state'): number | null {
  return chargeFor(program, residency)?.perCredit ?? null;
}

/** `$1,234` */
export function formatDollars(amount: number): string {
  // Not toLocaleString: its first call loads ICU number formatting (start-up time).
  return `$${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
}

/** Programs with imported charges (keyed by UNITID) in place of the bundled ones, where the import has them. */
export function withImportedCharges(
  programs: readonly Program[],
  charges: Readonly<Record<string, import('../schema/datasets.js').GraduateCost>> | null,
): Program[] {
  if (!charges) return [...programs];
  return programs.map((p) => {
    const cost = p.doe ? charges[p.doe.unitId] : undefined;
    return cost ? { ...p, cost } : p;
  });
}
