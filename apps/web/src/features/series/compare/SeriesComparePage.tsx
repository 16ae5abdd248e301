export function SeriesComparePage() {
  return null;
}
