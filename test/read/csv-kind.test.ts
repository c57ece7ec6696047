import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileKindOf, sniffCsvKind } from "../../src/read/csv-kind.js";

async function* chunks(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function kindOf(path: string, size = 1 << 20) {
  const bytes = readFileSync(path);
  const { kind, chunks: replay } = await sniffCsvKind(chunks(bytes, size));
  const parts: Uint8Array[] = [];
  for await (const c of replay) parts.push(c);
  return { kind, replayed: Buffer.concat(parts).equals(bytes) };
}

describe("sniffCsvKind", () => {
  it("tells a forecast, a batch and a roster from their header, UTF-16 included, and replays every byte", async () => {
    expect(await kindOf("fixtures/forecast-week.csv", 100)).toEqual({ kind: "forecast", replayed: true });
    expect(await kindOf("fixtures/traps/bytes-unicode-text-utf16le.csv", 77)).toEqual({ kind: "forecast", replayed: true });
    expect(await kindOf("fixtures/traps/batch-unicode-text-utf16le.csv")).toEqual({ kind: "erlang-cases", replayed: true });
    expect(await kindOf("fixtures/roster.csv")).toEqual({ kind: "roster", replayed: true });
    expect(await kindOf("fixtures/bad/forecast-binary.xlsx")).toMatchObject({ kind: "binary" });
  });
});

describe("fileKindOf", () => {
  it("fileKindOf(header) names a kind only when the header leaves no doubt", () => {
    expect(fileKindOf(["interval_start", "typology", "channel", "volume", "aht"])).toBe("forecast");
    expect(fileKindOf(["Date", "Heure", "Motif", "Appels", "DMT"])).toBe("forecast");
    expect(fileKindOf(["id", "volume", "aht", "interval", "sl_target"])).toBe("erlang-cases");
    expect(fileKindOf(["agent_id", "site", "tier", "contract_hours", "réclamation:phone"])).toBe("roster");
    // a forecast with its queue columns missing is not taken for a batch
    expect(fileKindOf(["interval_start", "volume", "aht"])).toBeUndefined();
    expect(fileKindOf(["volume", "aht", "channel"])).toBeUndefined();
  });
});
