/**
 * Turns the free-text "accredited_through" column of the ALA reference table
 * into structured review information. Used by the data build; the original
 * text is always kept next to the result.
 */
import type { ReviewInfo, Season } from '../schema/datasets.js';

const MONTH_SEASON: Record<string, Season> = {
  jan: 'winter',
  feb: 'winter',
  mar: 'spring',
  apr: 'spring',
  may: 'spring',
  jun: 'summer',
  jul: 'summer',
  aug: 'summer',
  sep: 'fall',
  oct: 'fall',
  nov: 'fall',
  dec: 'winter',
};

type Basis = ReviewInfo['basis'];

interface Rule {
  pattern: RegExp;
  basis: Basis;
}

// Order matters: the first rule that matches wins. Years of past decisions
// ("set by 2017 decision", "granted 2024") are deliberately not matched.
const RULES: Rule[] = [
  { pattern: /^no date found/i, basis: 'not-stated' },
  {
    pattern: /next comprehensive review(?: site visit| visit)? (?:(spring|summer|fall|winter) )?(\d{4})/i,
    basis: 'next-review',
  },
  { pattern: /review visit scheduled (?:(spring|summer|fall|winter) )?(\d{4})/i, basis: 'next-review' },
  { pattern: /set (?:next visit|review) (?:(spring|summer|fall|winter) )?(\d{4})/i, basis: 'next-review' },
  { pattern: /\bthrough (?:(spring|summer|fall|winter) )?(\d{4})/i, basis: 'through' },
  { pattern: /\b(?:runs|ran) (?:to|until) ()(\d{4})/i, basis: 'through' },
  { pattern: /\b\d{4} to ()(\d{4})/i, basis: 'through' },
  { pattern: /review (?:under way|in progress)/i, basis: 'review-in-progress' },
];

function monthSeason(word: string | undefined): Season | null {
  if (!word) return null;
  return MONTH_SEASON[word.slice(0, 3).toLowerCase()] ?? null;
}

export function parseReviewText(text: string): ReviewInfo {
  const trimmed = text.trim();
  const outcomeNotFound = /outcome[^;)]*not found/i.test(trimmed);
  const base = { outcomeNotFound, text: trimmed };
  if (trimmed === '') return { year: null, season: null, basis: 'not-stated', ...base };

  // A review in progress with a visit date: "site visit March 2025", "visit 4-5 Nov 2024".
  const visit = /visit (?:\d+-\d+ )?([A-Z][a-z]+) (\d{4})/.exec(trimmed);
  if (/review (?:in progress|under way)/i.test(trimmed) && visit) {
    return {
      year: Number(visit[2]),
      season: monthSeason(visit[1]),
      basis: 'review-in-progress',
      ...base,
    };
  }

  for (const rule of RULES) {
    const match = rule.pattern.exec(trimmed);
    if (!match) continue;
    const year = match[2] ? Number(match[2]) : null;
    const season = (match[1] as Season | undefined) || null;
    return { year, season: season ? (season.toLowerCase() as Season) : null, basis: rule.basis, ...base };
  }
  return { year: null, season: null, basis: 'not-stated', ...base };
}
