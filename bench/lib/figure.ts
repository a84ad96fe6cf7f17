/** The shapes every suite and the runner share: a figure, a suite, and what a suite is given. */

/** The same-run measurement a figure is divided by. */
export interface BaselineRef {
  name: string;
  value: number;
  unit: string;
}

/** One measured number; `ratio` is `value / baseline.value`, both taken in the same run. */
export interface Figure {
  suite: string;
  name: string;
  value: number;
  unit: string;
  baseline?: BaselineRef;
  ratio?: number;
  /** How to read the ratio, e.g. "COPY throughput ÷ multi-row INSERT throughput; >1 is faster". */
  ratioMeaning?: string;
  /** Rows, pairs or requests the figure was measured over, where that matters. */
  size?: number;
  notes?: string;
}

/** What the runner hands a suite. */
export interface BenchContext {
  /** Smaller sizes and shorter durations, for a smoke run. */
  quick: boolean;
  /** A scratch directory of this run, removed when the run ends. */
  tmpDir: string;
  /** PostgreSQL URL (POPX_TEST_DATABASE_URL or the local default). */
  postgresUrl: string;
  /** Prints the figure as one JSON line now and keeps it for the report; returns it. */
  emit(figure: Figure): Figure;
  /**
   * A figure measured earlier in this run (list its suite in `dependsOn`): the one of that
   * `size` if given, else the first of that name. Never a figure from another run.
   */
  findFigure(suite: string, name: string, size?: number): Figure | undefined;
  /** Progress for people, on stderr (stdout carries only figure lines). */
  log(message: string): void;
}

/** A named group of measurements; suites run in registration order. */
export interface Suite {
  name: string;
  /** One line for the README and the generated section. */
  description: string;
  /** Suites whose figures this one divides by; `--only` pulls them in so ratios stay same-run. */
  dependsOn?: readonly string[];
  run(ctx: BenchContext): Promise<Figure[]>;
}

/** Attaches a same-run baseline to a figure, computing `ratio = value / baseline.value`. */
export function withBaseline(figure: Figure, baseline: Figure, ratioMeaning: string): Figure {
  return {
    ...figure,
    baseline: { name: `${baseline.suite}/${baseline.name}`, value: baseline.value, unit: baseline.unit },
    ratio: baseline.value === 0 ? Number.NaN : figure.value / baseline.value,
    ratioMeaning,
  };
}
