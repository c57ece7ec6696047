/**
 * A small forecast CSV that the shift solver schedules in a moment: phone
 * queues, one per typology, 30-minute intervals, Monday 23 to Friday 27
 * November 2026, 09:00–17:00. Volumes come from the interval's index (a peak
 * mid-morning and mid-afternoon), `20 + 10 × (k mod 5) + 3 × day`, the
 * q-th typology 8 contacts fewer; every handle time 300 s.
 */
export function smallForecastCsv(typologies: readonly string[]): string {
  const rows = ["interval_start,typology,channel,direction,volume,aht"];
  for (let day = 0; day < 5; day++) {
    for (let k = 0; k < 16; k++) {
      const minute = 540 + 30 * k;
      const at = `2026-11-${23 + day}T${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
      typologies.forEach((typology, q) => rows.push(`${at},${typology},phone,inbound,${20 + 10 * (k % 5) + 3 * day - 8 * q},300`));
    }
  }
  return rows.join("\n") + "\n";
}
