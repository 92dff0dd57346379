/** Loaded with `node --import` by the bench: prints the process's peak RSS at exit (stderr). */
process.on('exit', () => process.stderr.write(`BENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`));
export {};
