import type { AhtShapeNote } from "../plan/chat-shape.js";

/**
 * Print the plan's warnings about a channel's `aht_by_concurrency` as
 * scenario warnings (`CONFIG_IMPLAUSIBLE`) at the key's line and column.
 *
 * @param ctx - where warnings go
 * @param notes - the warnings (see `AhtShapeNotes`)
 */
export async function warnAhtShapes(ctx: { warn: (text: string) => void }, notes: readonly AhtShapeNote[]): Promise<void> {
  if (notes.length === 0) return;
  const { formatDiagnostics, warning } = await import("../read/diagnostics.js");
  for (const n of notes) ctx.warn(formatDiagnostics([warning("CONFIG_IMPLAUSIBLE", `${n.at.field}: ${n.message}`, n.at)]).trimEnd());
}
