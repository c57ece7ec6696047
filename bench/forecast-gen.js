// A synthetic forecast for benchmarks: `days` days of 15-minute intervals ×
// 50 queues (35 live phone/chat queues, 10 email/social, 5 outbound), written
// as a stream so that a year (1.75 million rows) needs no memory.
import { createWriteStream } from "node:fs";
import { once } from "node:events";

const CHANNELS = ["phone", "phone", "phone", "chat", "phone", "chat", "phone"]; // 35 live queues from 5 typologies × 7
export async function writeForecast(path, days) {
  const out = createWriteStream(path);
  const write = async (s) => {
    if (!out.write(s)) await once(out, "drain");
  };
  await write("interval_start,typology,channel,direction,volume,aht,patience,concurrency,deadline,attempts,contact_rate,dial_time\n");
  const start = Date.UTC(2027, 0, 4) / 60_000; // a Monday
  const pad = (n) => String(n).padStart(2, "0");
  for (let d = 0; d < days; d++) {
    const date = new Date((start + d * 1440) * 60_000);
    const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    const lines = [];
    for (let k = 0; k < 96; k++) {
      const minute = k * 15;
      const at = `${day}T${pad(Math.floor(minute / 60))}:${pad(minute % 60)}`;
      const h = minute / 60;
      const shape = h < 8 || h >= 20 ? 0.05 : 0.6 + Math.sin(((h - 8) / 12) * Math.PI);
      for (let q = 0; q < 35; q++) {
        const channel = CHANNELS[q % 7];
        const volume = ((5 + (q % 9) * 6) * shape).toFixed(1);
        lines.push(`${at},t${q},${channel},inbound,${volume},${180 + (q % 7) * 40},${q % 3 === 0 ? 90 : ""},,,,,`);
      }
      for (let q = 0; q < 10; q++) lines.push(`${at},t${q},${q % 2 ? "email" : "social"},inbound,${(2 + q) * shape},${300 + q * 20},,,${q % 2 ? 86400 : 3600},,,`);
      for (let q = 0; q < 5; q++) lines.push(`${at},t${q},phone,outbound,${h >= 10 && h < 19 ? 6 + q : 0},300,,,,${h >= 10 && h < 19 ? 20 + q : 0},,30`);
    }
    await write(lines.join("\n") + "\n");
  }
  out.end();
  await once(out, "finish");
}

/**
 * The forecast CSV at `csvPath` as a workbook a planner's Excel would save:
 * interval starts as real dates (date-time format), numbers as numbers,
 * blanks as empty cells; written with exceljs's streaming writer.
 */
export async function writeWorkbookTwin(csvPath, xlsxPath) {
  const { default: ExcelJS } = await import("exceljs");
  const { readFileSync } = await import("node:fs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsxPath, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet("Forecast");
  const [head, ...lines] = readFileSync(csvPath, "utf8").trim().split("\n");
  sheet.addRow(head.split(",")).commit();
  for (const line of lines) {
    const cells = line.split(",").map((c, k) => (k === 0 ? new Date(`${c}:00Z`) : c === "" ? null : Number.isNaN(Number(c)) ? c : Number(c)));
    const row = sheet.addRow(cells);
    row.getCell(1).numFmt = "yyyy-mm-dd hh:mm";
    row.commit();
  }
  await workbook.commit();
}
