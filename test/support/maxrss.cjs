// Preloaded (`node --require`) into a command line the hostile-corpus tests run: on exit, the
// process's peak resident memory (all its threads: the reading workers included), on stderr.
process.on('exit', () => process.stderr.write(`\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`));
