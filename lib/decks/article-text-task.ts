// Worker entry (see lib/untrusted): turns one pasted or uploaded article into plain text off the event loop.
import { serveTask } from "@/lib/untrusted/serve-task";
import { toSourceDocument } from "./article-text";

serveTask(
  (input: { name: string; text: string }) => toSourceDocument(input.name, input.text),
  () => 0,
);
