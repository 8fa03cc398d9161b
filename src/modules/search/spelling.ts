/** "Did you mean": the closest frequent indexed word within a small edit distance. */

/** Levenshtein distance, giving up early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

export function closestTerm(term: string, vocabulary: Map<string, { df: number; surfaces: Set<string> }>): string | null {
  const max = term.length >= 8 ? 2 : 1;
  let best: { surface: string; distance: number; df: number } | null = null;
  for (const { surfaces, df } of vocabulary.values()) {
    for (const surface of surfaces) {
      const distance = editDistance(term, surface, max);
      if (distance > max) continue;
      if (!best || distance < best.distance || (distance === best.distance && df > best.df)) best = { surface, distance, df };
    }
  }
  return best?.surface ?? null;
}
