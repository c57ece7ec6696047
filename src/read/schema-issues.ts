/**
 * The scenario schema's problems in ccplan's words: zod's generic messages
 * ("Invalid input: expected record, received string") rewritten as
 * "expected Y, got X", a union's problem taken from the branch the value was
 * meant for, and the keys a place of the schema accepts (for "did you mean").
 */
import type { z } from "zod";

/** A value as a message shows it: text quoted, lists and maps named. */
export function shownValue(v: unknown): string {
  if (v === null) return "nothing";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "keys and values";
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}

const TYPE_WORDS: Record<string, string> = {
  number: "a number",
  int: "a whole number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "keys and values such as { key: value }",
  record: "keys and values such as { key: value }",
};

/** A zod issue as an error map sees it (the fields used here). */
interface RawIssue {
  code: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  values?: unknown[];
  errors?: { code: string; path: PropertyKey[]; message: string }[][];
}

/**
 * A per-parse zod error map (`schema.safeParse(data, { error: schemaErrorMap })`):
 * the generic problems in "expected Y, got X" form. A message a schema sets
 * itself wins over this one; what it does not know stays zod's.
 */
export function schemaErrorMap(issue: RawIssue): string | undefined {
  const got = `got ${shownValue(issue.input)}`;
  switch (issue.code) {
    case "invalid_type": {
      const what = TYPE_WORDS[issue.expected ?? ""] ?? issue.expected ?? "another value";
      return issue.input === undefined ? `missing: expected ${what}` : `expected ${what}, ${got}`;
    }
    case "too_small":
    case "too_big": {
      const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      const side = issue.code === "too_small" ? (issue.inclusive === false ? "above" : "at least") : issue.inclusive === false ? "below" : "at most";
      if (issue.origin === "number") return `expected ${side} ${bound}, ${got}`;
      if (issue.origin === "array") return `expected ${side} ${bound} item${bound === 1 ? "" : "s"}`;
      if (issue.origin === "string") return bound === 1 && issue.code === "too_small" ? "expected some text, got an empty one" : `expected text of ${side} ${bound} characters, ${got}`;
      return undefined;
    }
    case "invalid_value":
      return issue.values ? `expected one of ${issue.values.map(String).join(", ")}, ${got}` : undefined;
    case "invalid_union": {
      // no branch takes a value of this type: the first branch's message (the main way to write it)
      const first = issue.errors?.[0]?.[0];
      return first !== undefined && issue.errors!.every((b) => b.every((i) => i.code === "invalid_type" && i.path.length === 0)) ? first.message : undefined;
    }
    default:
      return undefined;
  }
}

/** A finished zod issue (as in `error.issues`). */
export type SchemaIssue = z.core.$ZodIssue;

/**
 * A union's problem as the problems of the one branch whose type the value
 * has (a map for `agent_hour: { level_1: … }` rather than a number), with
 * their own paths; any other issue as it is.
 */
export function branchIssues(issue: SchemaIssue): SchemaIssue[] {
  if (issue.code !== "invalid_union" || !Array.isArray(issue.errors)) return [issue];
  const meant = issue.errors.filter((b) => b.length > 0 && !b.every((i) => i.code === "invalid_type" && i.path.length === 0));
  if (meant.length !== 1) return [issue];
  return meant[0]!.flatMap((i) => branchIssues({ ...i, path: [...issue.path, ...i.path] } as SchemaIssue));
}

/** Internals of a zod 4 schema read by {@link keysAt}. */
interface SchemaDef {
  type: string;
  innerType?: z.core.$ZodType;
  in?: z.core.$ZodType;
  out?: z.core.$ZodType;
  getter?: () => z.core.$ZodType;
  shape?: Record<string, z.core.$ZodType>;
  element?: z.core.$ZodType;
  valueType?: z.core.$ZodType;
  options?: z.core.$ZodType[];
}

/**
 * The keys the schema accepts in the map at `path` of the data (through
 * optional, nullable, pipes, lists, records and unions), in the schema's
 * order; empty when the path leads to no map with fixed keys.
 */
export function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const def = schema._zod.def as unknown as SchemaDef;
  const inner = def.innerType ?? (def.type === "lazy" ? def.getter?.() : undefined);
  if (inner !== undefined) return keysAt(inner, path);
  if (def.type === "pipe") return unique([...keysAt(def.in!, path), ...keysAt(def.out!, path)]);
  if (def.type === "union") return unique(def.options!.flatMap((o) => keysAt(o, path)));
  if (path.length === 0) return def.type === "object" ? Object.keys(def.shape!) : [];
  const [head, ...rest] = path;
  if (def.type === "object") {
    const field = def.shape![String(head)];
    return field === undefined ? [] : keysAt(field, rest);
  }
  if (def.type === "array") return keysAt(def.element!, rest);
  if (def.type === "record") return keysAt(def.valueType!, rest);
  return [];
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
