import { rmSync, unlinkSync } from "node:fs";

/**
 * Temporary files and folders of the run (an `--out` file being written, the
 * intervals report's spool), so that a signal can remove them: the CLI's
 * signal handler calls {@link removeTemporaries}. `written` lists the
 * outputs already complete (renamed into place or written through).
 */
export const temporaries = {
  files: new Set<string>(),
  dirs: new Set<string>(),
  written: [] as string[],
};

/** Remove every temporary file and folder still registered (on a signal); never throws. */
export function removeTemporaries(): void {
  for (const f of temporaries.files) {
    try {
      unlinkSync(f);
    } catch {
      // already gone
    }
  }
  for (const d of temporaries.dirs) {
    try {
      rmSync(d, { recursive: true, force: true });
    } catch {
      // already gone
    }
  }
  temporaries.files.clear();
  temporaries.dirs.clear();
}
