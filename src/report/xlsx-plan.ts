import { closeSync, createReadStream, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Chalk } from "chalk";
import { formatDateTime, WEEK_DAY_NAMES } from "../plan/calendar.js";
import { monthsOf } from "../plan/months.js";
import type { IntervalPlan, Plan } from "../plan/plan.js";
import { IntervalReport } from "./interval-report.js";
import { writeAllSync } from "./output.js";
import { DAY_FIELDS, GROUP_FIELDS, INTERVAL_FIELDS, MONTH_FIELDS, QUEUE_FIELDS, ROLE_FIELDS, WEEK_FIELDS, whatIfFlags } from "./render-plan.js";
import { temporaries } from "./temporaries.js";
import { columnKind } from "./xlsx-kinds.js";
import { EXCEL_MAX_ROWS, columnsNamed, fieldSheet, summarySheet, writeWorkbook, type SummaryLine, type XlsxScalar, type XlsxSheet } from "./xlsx-workbook.js";

/** What the plan was made from, for the Summary sheet. */
export interface PlanWorkbookContext {
  /** The forecast file as given. */
  forecast: string;
  /** The scenario file, if any. */
  scenario?: string | undefined;
}

/** The fields of a queue line that name the queue (the rest are figures, which the Summary sheet lists for the totals). */
const QUEUE_NAMING = new Set(["channel_class", "channel", "typology", "direction", "tier"]);

const dateTime = (min: number | null) => (min === null ? null : formatDateTime(min));

/**
 * `ccplan plan --format xlsx`: every table of the plan in one workbook, a
 * sheet each, with the columns (names and figures) of the CSV reports:
 * Summary (inputs and assumptions, the mean and peak week, totals, the
 * organisation, notes), Queues, Days, Weeks, Months, Intervals, Roles (the
 * tiers report) and Groups (teams, when the organisation has any). Totals
 * are in the Summary only, so that a pivot of a sheet never counts them twice.
 *
 * Intervals are taken as they are planned ({@link add}) and spooled like the
 * intervals report's (in memory up to 8 MB, then in temporary files), then
 * written row by row: memory stays flat. A plan with more intervals than a
 * sheet holds (1,048,575 rows below the header) has no Intervals sheet: the
 * Summary says so, and so does {@link intervalsLeftOut} for a warning.
 */
export class PlanWorkbook {
  private spool: IntervalReport | undefined;
  private intervals = 0;

  constructor(
    /** Rows an Intervals sheet may have. */
    private readonly maxIntervalRows = EXCEL_MAX_ROWS - 1,
    memoryBytes?: number,
  ) {
    this.spool = new IntervalReport("json", new Chalk({ level: 0 }), memoryBytes);
  }

  /** Take one planned interval. */
  add(i: IntervalPlan): void {
    this.intervals++;
    if (this.spool === undefined) return;
    if (this.intervals <= this.maxIntervalRows) this.spool.add(i);
    else {
      this.spool.dispose();
      this.spool = undefined;
    }
  }

  /** Intervals planned that no sheet can hold (0 when the Intervals sheet has them all). */
  get intervalsLeftOut(): number {
    return this.intervals > this.maxIntervalRows ? this.intervals : 0;
  }

  /** Remove the spool (after an error). */
  dispose(): void {
    this.spool?.dispose();
  }

  /** Write the workbook into `fd` (see {@link writeWorkbook}); the spool is removed. */
  async write(plan: Plan, fd: number, context: PlanWorkbookContext): Promise<void> {
    try {
      const sheets: XlsxSheet[] = [
        summarySheet("Summary", planSummary(plan, context, this.intervalsLeftOut === 0 ? this.intervals : -this.intervals, this.maxIntervalRows)),
        fieldSheet("Queues", QUEUE_FIELDS, plan.queues),
        fieldSheet("Days", DAY_FIELDS, plan.days, { people: "integer" }),
        fieldSheet("Weeks", WEEK_FIELDS, plan.weekly),
        fieldSheet("Months", MONTH_FIELDS, monthsOf(plan.weekly, plan.contractFraction)),
      ];
      if (this.spool !== undefined) sheets.push({ name: "Intervals", columns: columnsNamed(INTERVAL_FIELDS.map(([csv]) => csv)), rows: spooledRows(this.spool, plan) });
      if (plan.organisation.roles.length > 0) sheets.push(fieldSheet("Roles", ROLE_FIELDS, plan.organisation.roles));
      if (plan.organisation.groups.length > 0) sheets.push(fieldSheet("Groups", GROUP_FIELDS, plan.organisation.groups));
      await writeWorkbook(sheets, fd);
    } finally {
      this.dispose();
    }
  }
}

/**
 * The spooled intervals in the intervals report's order (queue, then time),
 * as rows of the INTERVAL_FIELDS columns: the spool writes its JSON report
 * into a temporary file (synchronously, in blocks), which is then read back
 * line by line, one record a line: the rows are the JSON's own values.
 */
async function* spooledRows(spool: IntervalReport, plan: Plan): AsyncGenerator<XlsxScalar[]> {
  const dir = mkdtempSync(join(tmpdir(), "ccplan-xlsx-"));
  temporaries.dirs.add(dir);
  try {
    const file = join(dir, "intervals.json");
    const fd = openSync(file, "w");
    try {
      spool.writeTo(plan, (text) => writeAllSync(fd, Buffer.from(text, "utf8")));
    } finally {
      closeSync(fd);
    }
    const keys = INTERVAL_FIELDS.map(([, json]) => json);
    const lines = createInterface({ input: createReadStream(file, { highWaterMark: 1 << 20 }), crlfDelay: Infinity });
    let first = true;
    for await (const line of lines) {
      // the document: its head and `"rows":[` on the first line, one record a line (comma-ended but the last), `]}` alone at the end
      if (first) {
        first = false;
        continue;
      }
      if (line === "]}" || line === "") continue;
      const record = JSON.parse(line.endsWith(",") ? line.slice(0, -1) : line) as Record<string, XlsxScalar>;
      yield keys.map((k) => record[k] ?? null);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    temporaries.dirs.delete(dir);
  }
}

/**
 * The Summary sheet's lines: what the plan was made from (files, horizon,
 * shrinkage, contract hours, what-ifs), the mean and peak week, every
 * figure of the totals line, the organisation's people, where the intervals
 * are, and the plan's notes. `intervals` < 0: that many intervals, left out.
 */
function planSummary(plan: Plan, context: PlanWorkbookContext, intervals: number, maxIntervalRows = EXCEL_MAX_ROWS - 1): SummaryLine[] {
  const h = plan.horizon;
  const o = plan.organisation;
  const lines: SummaryLine[] = [
    ["report", "ccplan plan"],
    ["scenario", plan.scenario, "text", context.scenario === undefined ? "the documented defaults" : context.scenario],
    ["forecast", context.forecast],
    ["start", dateTime(plan.firstStartMin), "date-time", "first interval"],
    ["end", dateTime(plan.endMin), "date-time", "end of the last interval"],
    ["weeks", plan.weeks, "decimal2", h?.weeksGiven ? "as given (--weeks)" : "calendar weeks the forecast touches: FTE = scheduled hours ÷ weeks ÷ contract hours"],
    ["week_start", WEEK_DAY_NAMES[h?.weekStart ?? 0]!, "text", "first day of a calendar week"],
    ["weeks_start", dateTime(h?.windowStartMin ?? null), "date-time"],
    ["weeks_end", dateTime(h?.windowEndMin ?? null), "date-time"],
    ["shrinkage", plan.shrinkage, "percent"],
    ["contract_hours", plan.contractHours, "hours", "weekly hours of a full-timer (1 FTE)"],
    ["contract_fraction", plan.contractFraction, "percent", "mean contract: headcount = FTE ÷ this, rounded up once"],
  ];
  for (const flag of plan.whatIf === undefined ? [] : whatIfFlags(plan.whatIf)) lines.push(["what_if", flag, "text", "a command-line what-if, over the scenario"]);
  lines.push(
    ["mean_week_fte", plan.totals.fte, "fte", "FTE and headcount of the mean week"],
    ["mean_week_headcount", plan.totals.headcount, "integer"],
    ["peak_week_start", plan.peakWeek === null ? null : formatDateTime(plan.peakWeek.startMin).slice(0, 10), "date", "the week with the most scheduled hours"],
    ["peak_week_fte", plan.peakWeek?.fte ?? null, "fte"],
    ["peak_week_headcount", plan.peakWeek?.headcount ?? null, "integer"],
  );
  for (const [csv, , get] of QUEUE_FIELDS.filter(([name]) => !QUEUE_NAMING.has(name))) {
    lines.push([`total_${csv}`, get(plan.totals), columnKind(csv), csv === "intervals" ? "totals of all queues (the Queues sheet has each queue)" : undefined]);
  }
  lines.push(
    ["organisation", o.model, "text", o.model === "separate" ? "people counted per level" : "queues pooled in teams"],
    ["organisation_fte", o.totals.fte, "fte", "with team leads, managers and support roles (the Roles sheet)"],
    ["organisation_headcount", o.totals.headcount, "integer", "people with management and support"],
    ["pooling_gain_fte", o.totals.poolingGainFte, "fte", "against the same queues staffed apart"],
    ["training_hours", o.totals.trainingHours, "hours", "people × skills beyond the first × hours per skill"],
  );
  if (o.scheduled !== undefined) lines.push(["shifts", "agents' headcount from weekly shift schedules (--shifts)", "text"]);
  lines.push(
    intervals >= 0
      ? ["intervals_sheet", intervals, "integer", "rows in the Intervals sheet"]
      : ["intervals_sheet", null, "integer", `left out: ${-intervals} intervals, more than the ${maxIntervalRows} rows a sheet holds; ccplan plan --report intervals --format csv writes them all`],
  );
  for (const note of plan.notes) lines.push(["warning", note.code, "text", note.message]);
  return lines;
}
