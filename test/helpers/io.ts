/** A capturing Io for calling CLI commands in tests. */
import type { Io } from '../../cli/io.js';

export function captureIo(): Io & { stdout: string; stderr: string } {
  const io = {
    stdout: '', stderr: '', isTTY: false,
    out(t: string) { io.stdout += t; },
    err(t: string) { io.stderr += t; },
  };
  return io;
}
