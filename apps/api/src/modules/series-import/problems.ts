// The problems an extraction can have: each has a code, a severity and a Norwegian explanation,
// and is reported with the element path and line it was found at (what Arkade 5's users ask for).

export type Severity = 'ERROR' | 'WARNING' | 'NOTICE';

export interface Problem {
  severity: Severity;
  code: string;
  /** XPath-like, one-based positions among siblings of the same name: /arkiv/arkivdel[2]/arkivdelstatus */
  path: string;
  /** One-based line of the element; null for problems of the file as a whole. */
  line: number | null;
  /** Which file: arkivstruktur.xml or arkivuttrekk.xml. */
  file: string;
  message: string;
}

/**
 * Collects problems in constant memory: past `cap` problems only the counts grow (an extraction
 * with a million faulty records must not hold a million messages). Errors are always counted.
 */
export class Problems {
  readonly list: Problem[] = [];
  readonly counts: Record<Severity, number> = { ERROR: 0, WARNING: 0, NOTICE: 0 };
  omitted = 0;

  constructor(private readonly cap = 1000) {}

  add(problem: Problem): void {
    this.counts[problem.severity]++;
    if (this.list.length < this.cap) this.list.push(problem);
    else this.omitted++;
  }

  get hasErrors(): boolean {
    return this.counts.ERROR > 0;
  }
}
