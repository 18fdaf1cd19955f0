/**
 * @custom-elements-manifest/analyzer settings for `npm run manifest`: the
 * public element <archsim-embed>, written to ./custom-elements.json (which
 * package.json's `customElements` names; the vite build copies it into dist/).
 */

/** What users load: the built script, which registers the tag and exports nothing. */
const SCRIPT = 'dist/archsim-embed.js';

/** Describes the module as shipped: the element in dist/archsim-embed.js, defined by loading it. */
const shipped = {
  name: 'archsim-shipped-module',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      mod.path = SCRIPT;
      mod.declarations = mod.declarations.filter((d) => d.customElement);
      mod.exports = mod.exports.filter((e) => e.kind === 'custom-element-definition');
      for (const e of mod.exports) e.declaration.module = SCRIPT;
    }
  },
};

export default {
  globs: ['src/embed/embed.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself; the analyser must not rewrite it
  packagejson: false,
  plugins: [shipped],
};
