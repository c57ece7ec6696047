import Table from "cli-table3";

export type Align = "left" | "right" | "center";

/**
 * A plain box table. Styles are emptied so cli-table3 never adds colour codes
 * of its own: colour comes only from the caller's chalk instance.
 */
export function renderTable(head: string[], rows: string[][], align: Align[]): string {
  const table = new Table({
    head,
    colAligns: align,
    style: { head: [], border: [], compact: true },
  });
  for (const r of rows) table.push(r);
  return table.toString();
}
