/**
 * Font files are copied beside the function bundle by esbuild's `file` loader
 * (scripts/build-functions.mjs); importing one yields its file name relative to the bundle.
 */
declare module '*.ttf' {
  const fileName: string;
  export default fileName;
}
