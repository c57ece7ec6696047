import fc from "fast-check";

// Property tests run the same cases on every run, so that CI is repeatable;
// FC_SEED=<n> npm test explores other cases.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261129) });
