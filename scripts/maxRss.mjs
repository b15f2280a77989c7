// Preloaded into a benchmarked child process (node --import): at exit, writes the process's
// peak resident memory in kB to the file named by CHURN_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.CHURN_BENCH_RSS_FILE) writeFileSync(process.env.CHURN_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
