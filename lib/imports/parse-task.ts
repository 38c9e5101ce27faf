// Worker entry (see lib/untrusted): parses one uploaded deck file off the server's event loop.
import { serveTask } from "@/lib/untrusted/serve-task";
import type { DeckFileInput } from "./parse-in-worker";
import { parseImportFile } from "./parse-upload";

serveTask(
  (input: DeckFileInput) => parseImportFile(input.file, input.mapping, input.apkg),
  (parsed) => parsed.cards.length,
);
