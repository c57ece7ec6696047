/**
 * How reports are presented, decided once per run by the CLI (from
 * `--locale`/`CCPLAN_LOCALE`, `--width`/`COLUMNS`/the terminal, `--wide`) and
 * read by the renderers. Only presentation: JSON never depends on it, and no
 * figure does.
 */
export interface ReportSettings {
  /** Language of labels and number style of CSV/tables: `en` (default) or `fr` (`;`, decimal comma, BOM, French labels). */
  locale: "en" | "fr";
  /** Columns a table may take, or undefined for no limit (a pipe or a file without `--width`). */
  width: number | undefined;
  /** `--wide`: never drop or abbreviate columns, whatever the width. */
  wide: boolean;
}

export const DEFAULT_REPORT_SETTINGS: Readonly<ReportSettings> = Object.freeze({ locale: "en", width: undefined, wide: false });

let current: ReportSettings = { ...DEFAULT_REPORT_SETTINGS };

/** The settings of the current run. */
export function reportSettings(): Readonly<ReportSettings> {
  return current;
}

/** Set the settings of the current run (the CLI does, once per command; tests may). */
export function setReportSettings(settings: Partial<ReportSettings>): void {
  current = { ...DEFAULT_REPORT_SETTINGS, ...settings };
}

/** Run `f` with these settings, then restore the previous ones (for tests and in-process runs). */
export function withReportSettings<T>(settings: Partial<ReportSettings>, f: () => T): T {
  const saved = current;
  current = { ...DEFAULT_REPORT_SETTINGS, ...settings };
  try {
    return f();
  } finally {
    current = saved;
  }
}

/** The width a table may take: undefined with `--wide` or no limit. */
export function tableWidth(): number | undefined {
  return current.wide ? undefined : current.width;
}
