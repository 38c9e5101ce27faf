import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const APP_DATABASE = "alliance_recall";
export const EMBEDDED_DATA_DIR = path.join(ROOT, ".data", "postgres");
