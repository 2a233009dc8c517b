// The TextMate grammar over every example map (examples/*.arg) and every
// valid map of the parser's golden tests (tests/golden/parse): each
// construct, found by a plain regular expression on the line, must carry
// its scope where the editor draws it. Run: node test/grammar/examples.js
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '..', '..');
const repo = path.resolve(root, '..', '..');
const folders = [path.join(repo, 'examples'), path.join(repo, 'tests', 'golden', 'parse')];

async function grammar() {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => {
      if (scope !== 'source.argmap') return null;
      const file = path.join(root, 'syntaxes', 'argmap.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.argmap');
}

// The scopes at each column of each line.
function scopesOf(g, text) {
  let stack = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = g.tokenizeLine(line, stack);
    stack = r.ruleStack;
    const at = [];
    for (const t of r.tokens) for (let c = t.startIndex; c < t.endIndex; ++c) at[c] = t.scopes;
    return at;
  });
}

// [what, regular expression, group whose start column is checked, scope it must carry]
const constructs = [
  ['marker', /^\s+(\+>|->|~>|[-+~!&])(?=\s)/, 1, 'keyword.operator.relation.'],
  ['label', /^(?:\s+(?:\+>|->|~>|[-+~!&])\s+)?\[([A-Za-z_][\w.-]*)\]/, 1, 'entity.name.label.argmap'],
  ['reference', /^\s+(?:\+>|->|~>|[-+~!&])\s+(@)[A-Za-z_]/, 1, 'variable.other.reference.argmap'],
  ['heading', /^(#+)\s/, 1, 'markup.heading.argmap'],
  ['comment', /^\s*(\/\/)/, 1, 'comment.line.double-slash.argmap'],
  ['attribute key', /\{\s*([A-Za-z_][\w-]*)\s*:/, 1, 'support.type.property-name.argmap'],
  ['include', /^(include)\s+"/, 1, 'keyword.control.include.argmap'],
  ['tag', /\s(#)[\w-]+\s*(?:\{.*)?$/, 1, 'entity.name.tag.hashtag.argmap'],
];

async function main() {
  const g = await grammar();
  const files = folders.flatMap((d) => fs.readdirSync(d)
    .filter((f) => f.endsWith('.arg') && !f.startsWith('error-') && !f.startsWith('_'))
    .sort().map((f) => path.join(d, f)));
  let checked = 0;
  const failures = [];
  const seen = new Set();
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const lines = text.split('\n');
    const scopes = scopesOf(g, text);
    let inFrontMatter = lines[0] === '---';
    let inBlock = false;
    lines.forEach((line, i) => {
      const where = `${path.relative(repo, f)}:${i + 1}`;
      if (inFrontMatter) {
        if (i > 0 && line === '---') inFrontMatter = false;
        const key = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
        if (key) {
          ++checked;
          if (!(scopes[i][0] || []).includes('support.type.property-name.front-matter.argmap'))
            failures.push(`${where}: front-matter key '${key[1]}' has ${scopes[i][0]}`);
        }
        return;
      }
      if (/^\s*\/\*/.test(line)) inBlock = true;
      if (inBlock) {
        if (!(scopes[i].find((s) => s) || []).includes('comment.block.argmap'))
          failures.push(`${where}: block comment line has ${scopes[i][0]}`);
        if (line.includes('*/')) inBlock = false;
        ++checked;
        return;
      }
      for (const [what, re, group, scope] of constructs) {
        const m = re.exec(line);
        if (!m || (what === 'tag' && /^\s*(\/\/|#)/.test(line))) continue;
        const column = m.index + m[0].indexOf(m[group]);
        ++checked;
        seen.add(what);
        const got = scopes[i][column] || [];
        if (!got.some((s) => s.startsWith(scope)))
          failures.push(`${where}:${column + 1}: ${what} '${m[group]}' should be ${scope}, is ${got.join(' ')}`);
      }
      if ((scopes[i].flat() || []).some((s) => s && s.startsWith('invalid')))
        failures.push(`${where}: an invalid scope`);
    });
  }
  for (const [what] of constructs)
    if (!seen.has(what)) failures.push(`no example has a ${what}: the check did not run`);
  for (const f of failures) console.log('FAIL:', f);
  console.log(`${files.length} maps, ${checked} constructs checked, ${failures.length} failure(s)`);
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
