/**
 * pdfkit (with fontkit and brotli, ~1 MB) for the actions that draw a PDF: the board poster and building
 * sheet, the assessment 通报. Called inside those actions, so no function loads it at cold start (issue 13
 * item 2; scripts/build-functions.mjs ships it as vendor/pdfkit.js beside index.js).
 * `require`, not `import`: an import makes esbuild take pdfkit's ESM build, whose `import.meta.url` is
 * empty in our CommonJS bundle and breaks at load; the `require` condition selects its CommonJS build.
 */
export function loadPdfKit(): typeof import('pdfkit') {
  return require('pdfkit') as typeof import('pdfkit');
}
