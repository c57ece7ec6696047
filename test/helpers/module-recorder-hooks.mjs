// The loader hook of module-recorder.mjs (runs on the loader's thread): notes each module loaded.
import { appendFileSync } from "node:fs";

const out = process.env.CCPLAN_MODULES_OUT;

export async function load(url, context, next) {
  if (out) appendFileSync(out, url + "\n");
  return next(url, context);
}
