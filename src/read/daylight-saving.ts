/**
 * The repeated hour of an autumn daylight-saving change, in a file of local
 * wall-clock times: in the European Union the last Sunday of October, 02:00
 * to 03:00 happens twice; in the United States and Canada the first Sunday
 * of November, 01:00 to 02:00. (Other zones are not recognised: their
 * repeated rows are reported as plain duplicates.)
 *
 * @returns where the change is observed and the repeated hour, or undefined
 */
export function repeatedHour(startMin: number): { where: string; from: string; to: string } | undefined {
  const date = new Date(startMin * 60_000);
  if (date.getUTCDay() !== 0) return undefined;
  const month = date.getUTCMonth();
  const day = date.getUTCDate();
  const hour = date.getUTCHours();
  if (month === 9 && day + 7 > 31 && hour === 2) return { where: "Europe", from: "02:00", to: "03:00" };
  if (month === 10 && day <= 7 && hour === 1) return { where: "North America", from: "01:00", to: "02:00" };
  return undefined;
}
