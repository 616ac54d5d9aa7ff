/**
 * URL of a grid's public board in the H5 app (hash router). The local mini-program code (wx-openapi
 * service) and the CLI's printed board link both point here; it lives beside the service so main.ts can
 * import it without the service importing main.ts.
 */
export function gridBoardUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/#/pages/grid/index?gridId=${encodeURIComponent(id)}`;
}
