// Worker entry (see lib/untrusted): proposes cards from one pasted article off the server's event loop.
import { serveTask } from "@/lib/untrusted/serve-task";
import { proposeCandidatesForArticle } from "./article-candidates";

serveTask(proposeCandidatesForArticle, (result) => (result.ok ? result.data.candidates.length : 0));
