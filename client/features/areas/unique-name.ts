// A suggested name for a new area that the list can tell apart from the others: two circles drawn around the same
// store, or two areas made from the same white-space rank, would otherwise read the same in the list and in Compare.

/** `name`, or `name (2)`, `name (3)`… the first that no name in `taken` already is (compared case-insensitively). */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.trim().toLocaleLowerCase()));
  if (!used.has(name.trim().toLocaleLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
