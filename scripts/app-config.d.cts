/** Types of scripts/app-config.cjs (src/app.config.ts as the production build reads it). */
export interface AppConfigPages {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
}
export function readAppConfig(root?: string): AppConfigPages;
export function appPagesOf(config: AppConfigPages): string[];
