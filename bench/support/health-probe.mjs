// Asks GET /api/health every 20 ms until its stdin closes, then prints each answer's latency (ms) as JSON. It runs
// in its own process so that the benchmark's own work (building uploads, reading answers) never delays a probe.
import http from "node:http";

const url = new URL("/api/health", process.argv[2]);
const agent = new http.Agent({ keepAlive: true });
const latencies = [];
let stopped = false;
process.stdin.on("end", () => (stopped = true));
process.stdin.resume();

const ask = () =>
  new Promise((resolve) => {
    http
      .get(url, { agent }, (response) => {
        response.resume();
        response.on("end", resolve);
      })
      .on("error", resolve);
  });

while (!stopped) {
  const started = performance.now();
  await ask();
  latencies.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(JSON.stringify(latencies));
agent.destroy();
