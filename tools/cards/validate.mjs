// Parses and renders every *.json Adaptive Card in a directory with the official adaptivecards library and
// exits 1 if any card has a parse or validation event, renders nothing (or throws while rendering), or breaks
// one of the bot's own rules (schema 1.5, Action.Submit with an "action" discriminator, never Action.Execute,
// which the Bot Framework Emulator cannot send).
// Usage: node validate.mjs <dir-or-file>...
import { createRequire } from "node:module";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";

// The renderer builds real DOM nodes through the global document, as in a browser: give it a jsdom window
// before the library loads (it probes a few globals at load time).
// Every window property Node lacks (HTMLButtonElement, getComputedStyle, ...) becomes a global.
const dom = new JSDOM("<!DOCTYPE html><html><body></body></html>", { pretendToBeVisual: true, url: "http://localhost/" });
for (const name of Object.getOwnPropertyNames(dom.window)) {
  if (name in globalThis && name !== "navigator") continue;
  let value;
  try {
    value = dom.window[name];
  } catch {
    continue; // storage getters and the like throw outside a page; the renderer does not use them
  }
  Object.defineProperty(globalThis, name, {
    value: typeof value === "function" && !/^[A-Z]/.test(name) ? value.bind(dom.window) : value,
    configurable: true,
    writable: true,
  });
}

// The package's lib/ build is extensionless ESM that Node cannot resolve; the dist/ UMD bundle loads fine.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

// Markdown as the web client renders it (wwwroot/js/invite.js): escaped text, bold, italics, links. Without a
// processor the renderer warns and shows the raw text.
const escapeHtml = (t) => t.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(String(text))
    .replace(/\[([^\]]+)\]\(((?:https?:|tel:)[^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\r?\n/g, "<br>");
  result.didProcess = true;
};

// The library reports some problems only through console.warn (e.g. carousel timing); count them as problems.
const libraryWarnings = [];
for (const level of ["warn", "error"]) {
  const original = console[level].bind(console);
  console[level] = (...args) => {
    if (capturing) libraryWarnings.push(args.map(String).join(" "));
    else original(...args);
  };
}
let capturing = false;

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

  libraryWarnings.length = 0;
  capturing = true;
  try {
    const card = new AC.AdaptiveCard();
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
    for (const e of card.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
    problems.push(...renderProblems(card));
  } finally {
    capturing = false;
  }
  for (const w of libraryWarnings) problems.push(`library warning: ${w}`);
  return problems;
}

// Renders the parsed card into the jsdom document, as the web client and Teams do, and reports a card that
// renders nothing, throws, or loses its body (a card with body elements must render at least one of them).
export function renderProblems(card) {
  let element;
  try {
    element = card.render();
  } catch (err) {
    return [`render: threw ${err?.message ?? err}`];
  }
  if (!element) return ["render: the renderer produced nothing"];
  document.body.appendChild(element);
  try {
    if (card.getItemCount() > 0 && element.textContent.trim().length === 0 && element.querySelector("img, input, select, textarea, button") === null)
      return ["render: the rendered card is empty"];
    return [];
  } finally {
    element.remove();
  }
}

const targets = process.argv.slice(2);
if (targets.length === 0) {
  console.error("usage: node validate.mjs <dir-or-file>...");
  process.exit(2);
}
let failed = 0;
let checked = 0;
let rendered = 0;
for (const file of targets.flatMap(filesOf)) {
  checked++;
  let problems;
  try {
    problems = validateCard(JSON.parse(readFileSync(file, "utf8")));
    if (!problems.some((p) => p.startsWith("render:"))) rendered++;
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
console.log(`${checked - failed} valid, ${failed} invalid; ${rendered} of ${checked} rendered`);
process.exit(failed > 0 ? 1 : 0);
