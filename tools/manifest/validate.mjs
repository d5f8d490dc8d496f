// Validates a Teams app manifest against the official JSON schema for its manifestVersion, read from the
// schemas shipped inside the @microsoft/app-manifest package (no network).
//
// Usage: node tools/manifest/validate.mjs <path/to/manifest.json>
// Exit codes: 0 valid, 1 invalid, 2 usage or setup error.
//
// The package's own validator (AppManifestUtils.validateAgainstSchema) cannot be loaded: its build requires
// fs-extra, which the package does not declare. So this script compiles the same schema with the same Ajv
// set-up the package uses (draft-04, allErrors, strictTypes off, uri/email/regex formats).
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";

const require = createRequire(import.meta.url);

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

const manifestPath = process.argv[2];
if (!manifestPath) {
  fail(2, "usage: node validate.mjs <manifest.json>");
}

let manifest;
try {
  // Teams accepts a UTF-8 BOM; JSON.parse does not.
  manifest = JSON.parse(readFileSync(manifestPath, "utf8").replace(/^\uFEFF/, ""));
} catch (error) {
  fail(1, `${manifestPath}: not readable JSON: ${error.message}`);
}

const version = manifest.manifestVersion;
if (typeof version !== "string" || !/^(\d+\.\d+|devPreview)$/.test(version)) {
  fail(1, `${manifestPath}: manifestVersion is missing or malformed (${JSON.stringify(version)})`);
}

const folder = version === "devPreview" ? "vDevPreview" : `v${version}`;
const expectedSchemaSuffix = `/${folder}/MicrosoftTeams.schema.json`;
if (typeof manifest.$schema !== "string" || !manifest.$schema.endsWith(expectedSchemaSuffix)) {
  fail(1, `${manifestPath}: $schema must end with ${expectedSchemaSuffix} to match manifestVersion ${version}`);
}

const packageRoot = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const packageVersion = JSON.parse(readFileSync(path.join(packageRoot, "package.json"), "utf8")).version;
const schemaPath = path.join(packageRoot, "build", "json-schemas", "teams", folder, "MicrosoftTeams.schema.json");
if (!existsSync(schemaPath)) {
  fail(2, `@microsoft/app-manifest ${packageVersion} ships no schema for manifestVersion ${version}`);
}
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));

const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv, ["uri", "email", "regex"]);
const validate = ajv.compile(schema);

if (!validate(manifest)) {
  console.error(`${manifestPath}: INVALID against the Teams ${folder} schema (@microsoft/app-manifest ${packageVersion})`);
  for (const error of validate.errors ?? []) {
    console.error(`  ${error.instancePath || "/"} ${error.message} ${JSON.stringify(error.params)}`);
  }
  process.exit(1);
}

console.log(`${manifestPath}: valid against the Teams ${folder} schema (@microsoft/app-manifest ${packageVersion})`);
