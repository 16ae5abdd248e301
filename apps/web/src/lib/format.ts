// Counts follow the Norwegian convention (space as thousands separator) in both languages:
// the figures describe Norwegian municipalities and must read the same in exports and prints.
const countFormat = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });

export function formatCount(value: number): string {
  return countFormat.format(value);
}
