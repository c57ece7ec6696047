import type { ForecastRow } from "../../src/plan/forecast.js";

/** 2026-11-23T00:00 (a Monday), minutes since 1970-01-01 of the file's clock. */
export const MONDAY = Date.UTC(2026, 10, 23) / 60_000;

/** A level-1 inbound phone row, Monday 09:00, 30 minutes, 100 contacts of 180 s, no targets of its own; `over` replaces fields. */
export function forecastRow(over: Partial<ForecastRow> = {}): ForecastRow {
  return {
    line: 2,
    startMin: MONDAY + 9 * 60,
    intervalMin: 30,
    typology: "information",
    channel: "phone",
    direction: "inbound",
    tier: 1,
    channelClass: "sync",
    volume: 100,
    ahtSec: 180,
    targets: {},
    ...over,
  };
}
