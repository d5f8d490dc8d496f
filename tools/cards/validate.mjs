// Parses every *.json Adaptive Card in a directory with the official adaptivecards library and exits 1 if any
// card has a parse or validation event, or breaks one of the bot's own rules (schema 1.5, Action.Submit
// with an "action" discriminator, never Action.Execute, which the Bot Framework Emulator cannot send).
// Usage: node validate.mjs <dir-or-file>...
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// The package's lib/ build is extensionless ESM that Node cannot resolve; the dist/ UMD bundle loads fine
// without a DOM for parsing and validation.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

const ALLOWED_ACTIONS = new Set(["Action.Submit", "Action.OpenUrl", "Action.ShowCard", "Action.ToggleVisibility"]);

function filesOf(target) {
  if (statSync(target).isDirectory())
    return readdirSync(target).filter((f) => f.endsWith(".json")).sort().map((f) => join(target, f));
  return [target];
}

function walk(node, visit) {
  if (Array.isArray(node)) {
    node.forEach((n) => walk(n, visit));
  } else if (node && typeof node === "object") {
    visit(node);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

export function validateCard(json) {
  const problems = [];
  if (json?.type !== "AdaptiveCard") problems.push('top-level "type" must be "AdaptiveCard"');
  if (json?.version !== "1.5") problems.push('"version" must be "1.5"');
  if (json?.$schema !== "http://adaptivecards.io/schemas/adaptive-card.json") problems.push('"$schema" is missing or wrong');
  walk(json, (n) => {
    if (typeof n.type === "string" && n.type.startsWith("Action.")) {
      if (!ALLOWED_ACTIONS.has(n.type)) problems.push(`${n.type} is not allowed (the Emulator cannot send it)`);
      if (n.type === "Action.Submit" && typeof n.data?.action !== "string")
        problems.push(`Action.Submit "${n.title ?? ""}" has no data.action discriminator`);
    }
  });

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error("usage: node validate.mjs <dir-or-file>...");
  process.exit(2);
}
let failed = 0;
let checked = 0;
for (const file of targets.flatMap(filesOf)) {
  checked++;
  let problems;
  try {
    problems = validateCard(JSON.parse(readFileSync(file, "utf8")));
  } catch (err) {
    problems = [`cannot read or parse: ${err.message}`];
  }
  if (problems.length > 0) {
    failed++;
    console.error(`FAIL ${file}`);
    problems.forEach((p) => console.error(`  - ${p}`));
  } else {
    console.log(`ok   ${file}`);
  }
}
if (checked === 0) {
  console.error("no card files found");
  process.exit(2);
}
console.log(`${checked - failed} valid, ${failed} invalid`);
process.exit(failed > 0 ? 1 : 0);
