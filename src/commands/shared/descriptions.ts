/** One-line descriptions of the top-level commands: used by each command and by `mls --help`. */
export const DESCRIPTIONS = {
  find: 'List ALA-accredited master’s programs, filtered by delivery, place, degree and status',
  show: 'Show one program in full, with its sources',
  check: 'Is a school’s program ALA-accredited, and the school accredited by a USDE-recognized agency?',
  careers: 'Careers an MLS leads to, and the university departments that complement each',
  plan: 'Plan study time: weekly sessions, work before each deadline, revision buffers, as a calendar',
  data: 'Bundled datasets: where they come from, how old they are, and refreshing them',
} as const;
