/**
 * URL of a grid's public board in the H5 app (hash router). The local mini-program code (wx-openapi
 * service) and the CLI's printed board link both point here; it lives beside the service so main.ts can
 * import it without the service importing main.ts.
 */
export function gridBoardUrl(baseUrl: string, id: string): string {
  return `${baseUrl}/#/pages/grid/index?gridId=${encodeURIComponent(id)}`;
}

/** The board page as the mini-program knows it: its codes open the board by grid id. */
const BOARD_PAGE = 'pages/grid/index';

/**
 * What a phone camera opens for a local mini-program code: the board URL for the board's codes (and
 * codes without a page, which WeChat opens on the home page); for any other page, that page of the H5
 * app with `scene` in the query — how WeChat hands a code's scene to the page it opens (options.scene).
 */
export function codeUrl(baseUrl: string, page: string | undefined, scene: string): string {
  if (page === undefined || page === BOARD_PAGE) return gridBoardUrl(baseUrl, scene);
  return `${baseUrl}/#/${page}?scene=${encodeURIComponent(scene)}`;
}
