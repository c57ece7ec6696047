// Live heap of a streamed plan: run with `node --expose-gc bench/live-heap.js FORECAST`.
// Prints the heap in use after a full GC every quarter of the file's rows, so
// the bench can show that what is kept does not grow with the file.
import { createReadStream, statSync } from "node:fs";
import { readForecast } from "../dist/read/forecast-read.js";
import { Planner } from "../dist/plan/plan.js";
import { DEFAULT_SCENARIO } from "../dist/plan/scenario.js";

const file = process.argv[2];
const approxRows = statSync(file).size / 52; // ~52 bytes a row in the bench forecasts
const planner = new Planner(DEFAULT_SCENARIO);
const marks = [];
let rows = 0;
let next = approxRows / 4;
await readForecast(createReadStream(file, { highWaterMark: 1 << 20 }), file, {}, (r) => {
  planner.add(r);
  if (++rows >= next) {
    globalThis.gc();
    marks.push([rows, process.memoryUsage().heapUsed / 2 ** 20]);
    next += approxRows / 4;
  }
});
planner.finish();
console.log(JSON.stringify(marks));
