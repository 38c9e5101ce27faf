import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROOT, startStack } from "./support/stack";

const USAGE = "Usage: npm start [-- --dev]   (env: PORT, HOST, DATABASE_URL)";

function readOptions() {
  try {
    const { values } = parseArgs({ options: { dev: { type: "boolean", default: false }, help: { type: "boolean", default: false } } });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const env = z.object({ PORT: z.coerce.number().int().min(1).max(65535).default(3000), HOST: z.string().min(1).default("0.0.0.0") }).parse(process.env);
    return { dev: values.dev, port: env.PORT, host: env.HOST };
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exit(2);
  }
}

const options = readOptions();
const log = (line: string) => console.log(`[start] ${line}`);
const stack = await startStack({ ...options, dataDir: path.join(ROOT, ".data"), log }).catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

log(`Alliance Recall is ready at ${stack.url}`);
if (stack.demo) log(`Demo logins: ${stack.demo.email} (student), teacher@demo.local (teacher), password ${stack.demo.password}`);
log("Press Ctrl+C to stop the app and the database.");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    void stack.stop().then(() => process.exit(0));
  });
}
stack.app.on("exit", (code) => {
  if (stopping) return;
  log(`The app exited (code ${code}); stopping the database.`);
  void stack.stop().then(() => process.exit(code ?? 1));
});
