# ruff: noqa: E501 (an embedded HTML page)
"""A self-contained HTML page that renders the OpenAPI document (no CDN, no build step).

The page fetches ``openapi.json`` beside it and renders each operation: method, path,
summary, parameters, request body and responses, with ``$ref`` schemas expanded.
"""

from __future__ import annotations

DOCS_HTML = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Food ordering API</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; color: #1d232a; background: #f6f7f9; }
  header { background: #1d232a; color: #fff; padding: 1rem 2rem; }
  header h1 { margin: 0; font-size: 1.4rem; }
  main { max-width: 70rem; margin: 0 auto; padding: 1rem 2rem 4rem; }
  h2 { margin-top: 2rem; text-transform: capitalize; border-bottom: 1px solid #ccd; }
  details { background: #fff; border: 1px solid #dde; border-radius: 6px; margin: .5rem 0; }
  summary { cursor: pointer; padding: .6rem .8rem; display: flex; gap: .8rem; align-items: baseline; }
  .method { font-weight: 700; width: 4.5rem; text-transform: uppercase; font-family: monospace; }
  .get { color: #0a6; } .post { color: #06c; } .put { color: #a60; } .delete { color: #c03; }
  .path { font-family: monospace; font-weight: 600; }
  .body { padding: 0 1rem 1rem; }
  table { border-collapse: collapse; width: 100%; margin: .4rem 0; }
  td, th { text-align: left; border-bottom: 1px solid #eef; padding: .25rem .5rem; vertical-align: top; }
  code, pre { font-family: ui-monospace, monospace; font-size: .85rem; }
  pre { background: #f0f2f5; padding: .6rem; overflow: auto; border-radius: 4px; }
  .lock { color: #a60; font-size: .8rem; }
</style>
</head>
<body>
<header><h1 id="title">Food ordering API</h1><div id="about"></div></header>
<main id="main"><p>Loading openapi.json…</p></main>
<script>
"use strict";
const text = (tag, content, cls) => {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  if (content !== undefined) el.textContent = content;
  return el;
};
function resolve(doc, schema) {
  while (schema && schema.$ref) {
    schema = doc.components.schemas[schema.$ref.split("/").pop()];
  }
  return schema || {};
}
function shape(doc, schema, depth) {
  schema = resolve(doc, schema);
  if (depth > 6) return "…";
  if (schema.anyOf) return schema.anyOf.map(s => shape(doc, s, depth)).join(" | ");
  if (schema.enum) return schema.enum.map(v => JSON.stringify(v)).join(" | ");
  if ("const" in schema) return JSON.stringify(schema.const);
  if (schema.type === "array") return "[" + shape(doc, schema.items, depth + 1) + "]";
  if (schema.type === "object" && schema.properties) {
    const pad = "  ".repeat(depth + 1);
    const required = new Set(schema.required || []);
    const lines = Object.entries(schema.properties).map(([name, s]) =>
      pad + name + (required.has(name) ? "" : "?") + ": " + shape(doc, s, depth + 1));
    return "{\\n" + lines.join(",\\n") + "\\n" + "  ".repeat(depth) + "}";
  }
  const notes = ["minimum", "maximum", "minLength", "maxLength", "format"]
    .filter(k => k in schema).map(k => k + " " + schema[k]);
  return (schema.type || "any") + (notes.length ? " (" + notes.join(", ") + ")" : "");
}
function render(doc) {
  document.getElementById("title").textContent = doc.info.title + " " + doc.info.version;
  document.getElementById("about").textContent = doc.info.description || "";
  const main = document.getElementById("main");
  main.textContent = "";
  const byTag = {};
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      (byTag[(op.tags || ["other"])[0]] ||= []).push([method, path, op]);
    }
  }
  for (const [tag, ops] of Object.entries(byTag)) {
    main.append(text("h2", tag));
    for (const [method, path, op] of ops) {
      const box = text("details");
      const head = text("summary");
      head.append(text("span", method, "method " + method), text("span", path, "path"),
                  text("span", op.summary || ""));
      if (op.security) head.append(text("span", "sign-in required", "lock"));
      box.append(head);
      const body = text("div", undefined, "body");
      body.append(text("p", (op.description || "") + " (operationId " + op.operationId + ")"));
      if (op.parameters && op.parameters.length) {
        const table = text("table");
        table.append(Object.assign(text("tr"), {innerHTML: "<th>parameter</th><th>in</th><th>schema</th>"}));
        for (const p of op.parameters) {
          const row = text("tr");
          row.append(text("td", p.name + (p.required ? "" : "?")), text("td", p.in),
                     text("td", shape(doc, p.schema, 0) + (p.description ? " — " + p.description : "")));
          table.append(row);
        }
        body.append(text("h4", "Parameters"), table);
      }
      if (op.requestBody) {
        const content = op.requestBody.content["application/json"];
        body.append(text("h4", "Request body (application/json)"), text("pre", shape(doc, content.schema, 0)));
      }
      body.append(text("h4", "Responses"));
      for (const [status, response] of Object.entries(op.responses)) {
        body.append(text("div", status + " — " + response.description));
        for (const [media, content] of Object.entries(response.content || {})) {
          if (status < "300") body.append(text("pre", media + "\\n" + shape(doc, content.schema, 0)));
        }
      }
      box.append(body);
      main.append(box);
    }
  }
  main.append(text("h2", "Problem details"), text("pre", shape(doc, doc.components.schemas.ProblemOut, 0)));
}
fetch("openapi.json").then(r => r.json()).then(render).catch(e => {
  document.getElementById("main").textContent = "Could not load openapi.json: " + e;
});
</script>
</body>
</html>
"""
