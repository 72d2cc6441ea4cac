/**
 * Vite's `?inline` import of a stylesheet: its text, not injected into the page. Declared here,
 * not through `vite/client`, whose global types would reach the Worker's code too.
 */
declare module "*.css?inline" {
  const css: string;
  export default css;
}
