import { Composer, isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, Parser, type Document, type Node } from "yaml";
import { InputError, problem, type Diagnostic } from "./diagnostics.js";
import { codePointName, invisibleCharacter, quoted } from "./printable.js";

/**
 * How deep a scenario may nest its maps and lists. A real scenario goes about
 * 7 levels deep (`sites[0].opening_hours.channels.chat.mon-fri[0]`); 64
 * leaves room for any hand-written file and refuses the absurd nesting that
 * would otherwise exhaust the parser's stack or time (YAML and JSON alike).
 */
export const MAX_SCENARIO_DEPTH = 64;

/**
 * How many values the aliases of a scenario may add once expanded. An alias
 * (`*paris_hours`) repeats a part of the file; ten thousand values is far
 * more than a scenario holds, and far less than the billions of an alias bomb
 * ("billion laughs": nine aliases of nine aliases of…).
 */
export const MAX_ALIAS_EXPANSION = 10_000;

/** A scenario document with the line counter that locates its nodes. */
export interface ScenarioDocument {
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data of the document (aliases expanded, checked against the limits above). */
  data: unknown;
}

/**
 * Parse a scenario's text (YAML, or JSON, which is YAML too) into a document
 * and its data, in time and stack proportional to the file:
 * - a YAML syntax error is `CONFIG_SYNTAX` with its line and column, as is an
 *   alias without its anchor (`*paris` before any `&paris`);
 * - nesting deeper than {@link MAX_SCENARIO_DEPTH} levels, aliases that expand
 *   past {@link MAX_ALIAS_EXPANSION} values or that contain themselves are
 *   `CONFIG_TOO_COMPLEX` with the position where the limit is crossed.
 *
 * The parser is driven token by token so that a file of a million `[` stops
 * at the 70th, not after minutes.
 *
 * @throws InputError with CONFIG_SYNTAX or CONFIG_TOO_COMPLEX diagnostics
 */
export function parseScenarioDocument(text: string, file: string): ScenarioDocument {
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const tooDeep = (offset: number) =>
    new InputError([
      problem("CONFIG_TOO_COMPLEX", `nesting deeper than ${MAX_SCENARIO_DEPTH} levels: expected a scenario of a few levels of maps and lists (see the README)`, {
        ...at(offset),
        field: "scenario",
      }),
    ]);
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0); // as Parser.parse does: line 1 starts at offset 0
  const tokens = [];
  // The parser's stack holds the document, one token per open collection and at most one more (a key or scalar being read):
  // beyond MAX + 2 the file is surely too deep; the exact depth of what passes is checked on the document below.
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_SCENARIO_DEPTH + 2) throw tooDeep(parser.offset);
  }
  for (const token of parser.end()) tokens.push(token);
  const docs = [...new Composer({}).compose(tokens, true, text.length)];
  const doc = docs[0]!;
  const errors: Diagnostic[] = doc.errors.map((e) =>
    problem("CONFIG_SYNTAX", `YAML syntax: ${e.message.split("\n")[0]!}`, { ...at(e.pos[0]), field: "scenario" }),
  );
  if (docs.length > 1) {
    errors.push(problem("CONFIG_SYNTAX", "YAML syntax: a second document (after ---): expected one scenario per file", { ...at(docs[1]!.range[0]), field: "scenario" }));
  }
  if (errors.length > 0) throw new InputError(errors);
  const limit = checkLimits(doc.contents, (node) => at(node.range?.[0] ?? 0));
  if (limit !== undefined) throw new InputError([limit]);
  // the walk above bounds what toJS expands: its own alias heuristic is only a second fence
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new InputError([problem("CONFIG_TOO_COMPLEX", `aliases: ${error.message}: expected aliases that repeat small parts of the scenario`, { file, field: "scenario" })]);
  }
  return { doc, lineCounter, data };
}

type Where = (node: Node) => { file: string; line: number; column: number };

/**
 * Walk the document once, in order, measuring what each alias brings once
 * expanded (memoized per anchored node, so the walk is linear in the file).
 * Recursion is safe: the parser guard bounds the depth.
 */
function checkLimits(root: unknown, where: Where): Diagnostic | undefined {
  const anchors = new Map<string, Node>();
  const measured = new Map<Node, { values: number; depth: number }>();
  const open = new Set<Node>();
  let expansion = 0;
  let found: Diagnostic | undefined;
  const fail = (node: Node, code: "CONFIG_TOO_COMPLEX" | "CONFIG_SYNTAX" | "CONFIG_INVALID", message: string) => {
    found ??= problem(code, message, { ...where(node), field: "scenario" });
  };
  /** Values (scalars and collections) and depth of a node once its aliases are expanded. */
  const walk = (node: unknown, depth: number): { values: number; depth: number } => {
    if (found !== undefined || node === null || typeof node !== "object") return { values: 0, depth: 0 };
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target === undefined) {
        fail(node, "CONFIG_SYNTAX", `YAML alias *${node.source} comes before any anchor &${node.source}: expected the anchor first`);
        return { values: 0, depth: 0 };
      }
      if (open.has(target)) {
        fail(node, "CONFIG_TOO_COMPLEX", `YAML alias *${node.source} sits inside its own anchor &${node.source}: a value that contains itself has no end`);
        return { values: 0, depth: 0 };
      }
      const size = measured.get(target)!;
      expansion += size.values;
      if (expansion > MAX_ALIAS_EXPANSION) {
        fail(node, "CONFIG_TOO_COMPLEX", `YAML alias *${node.source} takes the aliases of the file past ${MAX_ALIAS_EXPANSION} values (an alias bomb?): expected aliases that repeat small parts of the scenario`);
      } else if (depth + size.depth > MAX_SCENARIO_DEPTH) {
        fail(node, "CONFIG_TOO_COMPLEX", `YAML alias *${node.source} nests the scenario deeper than ${MAX_SCENARIO_DEPTH} levels: expected a scenario of a few levels of maps and lists`);
      }
      return size;
    }
    const n = node as Node;
    const anchor = isScalar(n) || isMap(n) || isSeq(n) ? n.anchor : undefined;
    if (anchor !== undefined) {
      // an alias refers to the last anchor of its name before it, its own enclosing node included
      anchors.set(anchor, n);
      open.add(n);
    }
    let size = { values: 1, depth: 0 };
    if (isScalar(n) && typeof n.value === "string") {
      // names from a scenario reach tables and terminals: no control or invisible character in them
      const bad = invisibleCharacter(n.value);
      if (bad !== undefined) fail(n, "CONFIG_INVALID", `got ${quoted(n.value)}, with an invisible character (${codePointName(bad.codePoint)}) at position ${bad.index + 1}: expected visible characters only — remove it`);
    }
    if (isMap(n) || isSeq(n)) {
      if (depth + 1 > MAX_SCENARIO_DEPTH) fail(n, "CONFIG_TOO_COMPLEX", `nesting deeper than ${MAX_SCENARIO_DEPTH} levels: expected a scenario of a few levels of maps and lists (see the README)`);
      let values = 1;
      let deepest = 0;
      for (const item of n.items as unknown[]) {
        for (const part of isPair(item) ? [item.key, item.value] : [item]) {
          const s = walk(part, depth + 1);
          values += s.values;
          deepest = Math.max(deepest, s.depth);
        }
      }
      size = { values, depth: deepest + 1 };
    }
    if (anchor !== undefined) {
      open.delete(n);
      measured.set(n, size);
    }
    return size;
  };
  walk(root, 0);
  return found;
}
