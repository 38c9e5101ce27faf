import protobuf from "protobufjs";

// The few messages of Anki's proto/anki/*.proto that a package needs, declared with their upstream field numbers.
// Unknown fields are skipped by protobufjs, so messages from newer Anki versions decode too.
const root = protobuf.Root.fromJSON({
  nested: {
    PackageMetadata: { fields: { version: { type: "int32", id: 1 } } },
    MediaEntries: { fields: { entries: { rule: "repeated", type: "MediaEntry", id: 1 } } },
    MediaEntry: {
      fields: {
        name: { type: "string", id: 1 },
        size: { type: "uint32", id: 2 },
        sha1: { type: "bytes", id: 3 },
        legacyZipFilename: { type: "uint32", id: 255, options: { proto3_optional: true } },
      },
    },
    NotetypeConfig: { fields: { kind: { type: "int32", id: 1 } } },
    TemplateConfig: { fields: { qFormat: { type: "string", id: 1 }, aFormat: { type: "string", id: 2 } } },
  },
});

/** PackageMetadata.Version: 3 is the zstd layout with collection.anki21b. */
export const PACKAGE_VERSION_LATEST = 3;
/** Notetype.Config.Kind: 1 is a cloze note type. */
export const NOTETYPE_KIND_CLOZE = 1;

export type MediaEntry = { name: string; size: number; legacyZipFilename?: number };

function decode<T>(name: string, bytes: Uint8Array): T {
  const type = root.lookupType(name);
  return type.toObject(type.decode(bytes), { defaults: true }) as T;
}

export const decodePackageMetadata = (bytes: Uint8Array) => decode<{ version: number }>("PackageMetadata", bytes);
export const decodeMediaEntries = (bytes: Uint8Array) => decode<{ entries: MediaEntry[] }>("MediaEntries", bytes).entries;
export const decodeNotetypeKind = (bytes: Uint8Array) => decode<{ kind: number }>("NotetypeConfig", bytes).kind;
export const decodeTemplateConfig = (bytes: Uint8Array) => decode<{ qFormat: string; aFormat: string }>("TemplateConfig", bytes);

/** Encoders for the test packages built in tests/, which mirror what Anki writes. */
export function encodeMessage(name: "PackageMetadata" | "MediaEntries" | "NotetypeConfig" | "TemplateConfig", value: object): Uint8Array {
  const type = root.lookupType(name);
  return type.encode(type.fromObject(value)).finish();
}
