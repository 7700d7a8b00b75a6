// Typeset TeX with KaTeX for the lossnotes MkDocs plugin (see _katex.py).
//
//   node katex_render.js /path/to/node_modules/katex
//
// One process serves a whole build: each stdin line is a JSON batch [[tex, display], ...]
// and gets one stdout line [{html, warnings} | {error}, ...] in the same order. A whole
// batch is read before anything is written, so neither side can block on a full pipe.
"use strict";
const readline = require("readline");
const katex = require(process.argv[2]);

function typeset([tex, display]) {
  const warnings = [];
  try {
    const html = katex.renderToString(tex, {
      displayMode: display,
      throwOnError: true,
      // KaTeX's default ("warn") prints to the console, where no one reads it; the
      // plugin logs each one against its page instead. Rendering is the same.
      strict: (code, message) => {
        warnings.push(message);
        return "ignore";
      },
    });
    return { html, warnings };
  } catch (error) {
    return { error: String(error.message || error) };
  }
}

readline.createInterface({ input: process.stdin, terminal: false }).on("line", (line) => {
  process.stdout.write(JSON.stringify(JSON.parse(line).map(typeset)) + "\n");
});
