/**
 * Text drift: a sentence a clause quotes that the Discovery documents this suite was built
 * against carry, and that a live document no longer carries at the same place. The clause's
 * strength rests on that sentence, so the report names the clause and shows the old and the new
 * text. A place the live document lacks altogether is spec drift (a method or property removed),
 * reported by spec-drift.ts, not here.
 */
import type { ClauseInfo } from '#reports';
import { type DescribedPlace, describedPlaces } from './described-places.ts';
import type { DriftChange } from './drift-change.ts';
import { mostSimilarSentences, normaliseText, sentencesContaining } from './quoted-text.ts';

/** Below this word similarity the nearest live sentence is not a rewording but other text. */
export const REWORDED_AT_LEAST = 0.5;

export interface TextDriftInput {
  readonly service: string;
  /** Every clause; those that do not apply to the service are skipped. */
  readonly clauses: readonly ClauseInfo[];
  /** The Discovery documents the suite was built against. */
  readonly baselines: readonly unknown[];
  readonly live: unknown;
}

interface Tracked {
  readonly quote: string;
  readonly kind: string;
  /** The baseline's sentences around the quote. */
  readonly before: string;
  readonly clauses: ClauseInfo[];
}

export function textDriftChanges(input: TextDriftInput): DriftChange[] {
  const live = describedPlaces(input.live);
  const changes: DriftChange[] = [];
  for (const tracked of trackedQuotes(input)) {
    const quote = normaliseText(tracked.quote);
    for (const place of live.filter((p) => p.kind === tracked.kind)) {
      if (normaliseText(place.text).includes(quote)) continue;
      changes.push(changeAt(input.service, place, tracked));
    }
  }
  return changes;
}

/** Each quote of an applicable clause, at each kind of place a baseline carries it. */
function trackedQuotes(input: TextDriftInput): Tracked[] {
  const places = input.baselines.flatMap(describedPlaces);
  const tracked = new Map<string, Tracked>();
  for (const clause of input.clauses) {
    if (clause.services !== 'all' && !clause.services.includes(input.service)) continue;
    const quotes = new Set([clause.quote, ...clause.sources.flatMap((s) => s.quote ?? [])]);
    for (const quote of quotes) {
      for (const place of places) {
        const before = sentencesContaining(place.text, quote);
        if (before === undefined) continue;
        const key = `${place.kind}\n${normaliseText(quote)}`;
        const entry = tracked.get(key) ?? { quote, kind: place.kind, before, clauses: [] };
        if (!entry.clauses.includes(clause)) entry.clauses.push(clause);
        tracked.set(key, entry);
      }
    }
  }
  return [...tracked.values()];
}

function changeAt(service: string, place: DescribedPlace, tracked: Tracked): DriftChange {
  const nearest = mostSimilarSentences(place.text, tracked.before);
  const reworded = nearest !== undefined && nearest.score >= REWORDED_AT_LEAST;
  const strengths = [...new Set(tracked.clauses.map((c) => c.strength))];
  return {
    check: reworded ? 'quoted-text-changed' : 'quoted-text-removed',
    level: strengths.includes('MUST') ? 'breaking' : 'changed',
    service,
    subject: place.subject,
    summary: `${reworded ? 'the quoted sentence changed' : 'the quoted sentence is gone'}: the ${strengths.join('/')} of ${tracked.clauses.map((c) => c.id).join(', ')} may no longer hold`,
    before: tracked.before,
    after: reworded ? nearest.text : 'absent',
    clauses: tracked.clauses.map((c) => c.id),
    quote: tracked.quote,
  };
}
