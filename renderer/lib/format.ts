/** Seconds as people say them: `45 s`, `3 min 4 s`, `2 h`, `1 d 6 h`. */
export function formatSeconds(total: number): string {
  if (!Number.isFinite(total) || total < 0) return '';
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = Math.floor(total);
  for (const [size, label] of units) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)} ${label}`);
      rest %= size;
    }
    if (parts.length === 2) break;
  }
  return parts.length === 0 ? '0 s' : parts.join(' ');
}
