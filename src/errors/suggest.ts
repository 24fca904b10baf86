// "Did you mean ...?" suggestions: the closest names by edit distance.
import { distance } from 'fastest-levenshtein';

export function closest(name: string, candidates: Iterable<string>, max = 3): string[] {
  const scored: [string, number][] = [];
  const limit = Math.max(2, Math.floor(name.length / 2));
  for (const c of candidates) {
    const d = distance(name.toLowerCase(), c.toLowerCase());
    if (d <= limit || c.includes(name) || name.includes(c)) scored.push([c, d]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return scored.slice(0, max).map(([c]) => c);
}

export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const near = closest(name, candidates);
  return near.length ? `did you mean ${near.map((n) => `\`${n}\``).join(', ')}?` : undefined;
}
