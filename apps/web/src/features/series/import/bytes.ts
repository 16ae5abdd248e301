const oneDecimal = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 1 });

/** A file size as people read it (nb-NO numbers in both languages, as all counts here). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${oneDecimal.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} kB`;
  if (bytes < 1024 * 1024 * 1024) return `${oneDecimal.format(bytes / 1024 / 1024)} MB`;
  return `${oneDecimal.format(bytes / 1024 / 1024 / 1024)} GB`;
}
