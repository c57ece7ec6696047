import { InputError, type Diagnostic } from "../../src/read/diagnostics.js";

/** The diagnostics of the InputError that `fn` throws (fails if it throws nothing, rethrows anything else). */
export function diagnosticsOf(fn: () => unknown): Diagnostic[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  throw new Error("expected an InputError");
}

/** {@link diagnosticsOf} for a function that may return a promise: the diagnostics of the InputError it throws or rejects with. */
export async function diagnosticsOfAsync(fn: () => unknown): Promise<Diagnostic[]> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof InputError) return e.diagnostics;
    throw e;
  }
  throw new Error("expected an InputError");
}
