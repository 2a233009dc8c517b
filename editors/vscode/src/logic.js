// The extension's own logic, apart from VS Code's API so that it can be
// tested with Node alone (test/logic.test.js): finding the server, the
// preview's request, what the preview shows after each answer, and where a
// click on a box leads.
'use strict';

const path = require('path');

/**
 * The executable the `argmap.path` setting names: a path (absolute, or
 * relative to the first workspace folder) or a name looked up on PATH.
 * @param {string} setting the setting's value
 * @param {{pathEnv: string, cwd: string|undefined, isExecutable: (p: string) => boolean}} env
 * @returns {{command: string} | {error: string}}
 */
function findServer(setting, env) {
  const name = (setting || '').trim() || 'argmap';
  if (name.includes('/') || name.includes('\\')) {
    const full = path.isAbsolute(name) ? name : path.resolve(env.cwd || process.cwd(), name);
    if (env.isExecutable(full)) return { command: full };
    return { error: `argmap was not found at '${full}' (the argmap.path setting). Install argmap, or set argmap.path to the argmap executable.` };
  }
  for (const dir of (env.pathEnv || '').split(path.delimiter)) {
    if (!dir) continue;
    const full = path.join(dir, name);
    if (env.isExecutable(full)) return { command: full };
  }
  return { error: `'${name}' was not found on PATH. Install argmap (docs/editors.md), or set argmap.path to the argmap executable.` };
}

/**
 * The params of an `argmap/render` request for a document.
 * @param {string} uri
 * @param {{theme?: string, evaluation?: string}} settings
 */
function renderParams(uri, settings) {
  return {
    uri,
    format: 'svg',
    theme: settings.theme || 'default',
    options: { eval: settings.evaluation || 'none' },
  };
}

/**
 * What the preview shows after an answer to `argmap/render`: a new diagram,
 * or the last good one with the errors above it. An answer for an older
 * version than one already shown is dropped.
 * @param {{svg: string|null, claims: Array, errors: Array, version: number}} state
 * @param {{svg: string|null, claims?: Array, errors?: Array, version: number}} result
 */
function nextPreview(state, result) {
  if (state && typeof state.version === 'number' && result.version < state.version) return state;
  if (result.svg) return { svg: result.svg, claims: result.claims || [], errors: [], version: result.version };
  return {
    svg: state ? state.svg : null,
    claims: state ? state.claims : [],
    errors: result.errors || [],
    version: result.version,
  };
}

/**
 * Where a click on the box whose SVG title is `node` leads: the claim's
 * file and its 0-based line; null for anything else (an edge, the legend).
 * @param {{claims: Array<{node: string, uri: string, line: number}>}} state
 * @param {string} node
 */
function placeOfNode(state, node) {
  const claim = (state && state.claims || []).find((c) => c.node === node);
  if (!claim || !claim.line) return null;
  return { uri: claim.uri, line: claim.line - 1 };
}

/**
 * A function that calls `f` once, `ms` after the last of a burst of calls.
 * @param {(...args: any[]) => void} f
 * @param {number} ms
 * @param {{setTimeout: Function, clearTimeout: Function}} timers
 */
function debounce(f, ms, timers = { setTimeout, clearTimeout }) {
  let pending = null;
  const call = (...args) => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = timers.setTimeout(() => {
      pending = null;
      f(...args);
    }, ms);
  };
  call.cancel = () => {
    if (pending !== null) timers.clearTimeout(pending);
    pending = null;
  };
  return call;
}

/**
 * The text of an error list as the preview shows it above the diagram.
 * @param {Array<{message: string, uri: string, line: number}>} errors
 */
function errorLines(errors) {
  return errors.map((e) => {
    const file = e.uri ? decodeURIComponent(e.uri.replace(/^file:\/\//, '')).split('/').pop() : '';
    return e.line ? `${file}:${e.line}: ${e.message}` : `${file}: ${e.message}`;
  });
}

/**
 * The preview's page. Scripts run only from the extension's media folder
 * (with the nonce); the diagram is inserted as parsed SVG, never as script.
 * @param {{csp: string, nonce: string, zoom: string, script: string, style: string}} p
 *   the webview's CSP source, a fresh nonce, and the URIs of media/zoom.js,
 *   media/preview.js and media/preview.css
 */
function previewPage(p) {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${p.csp} data:; style-src ${p.csp} 'unsafe-inline'; script-src 'nonce-${p.nonce}';">
<link rel="stylesheet" href="${p.style}"><title>argmap preview</title></head>
<body>
<div id="toolbar"><button id="zoom-out" title="Zoom out">−</button><button id="zoom-in" title="Zoom in">+</button><button id="fit" title="Fit the width">Fit</button><button id="actual" title="Actual size">1:1</button><span id="zoom-level"></span></div>
<ul id="errors" hidden></ul>
<div id="viewport"><div id="diagram"><p class="waiting">Drawing…</p></div></div>
<script nonce="${p.nonce}" src="${p.zoom}"></script>
<script nonce="${p.nonce}" src="${p.script}"></script>
</body></html>`;
}

module.exports = { findServer, renderParams, nextPreview, placeOfNode, debounce, errorLines, previewPage };
