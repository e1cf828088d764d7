/** @type {import('@sveltejs/vite-plugin-svelte').SvelteConfig} */
export default {
  vitePlugin: {
    // Our components are runes-only (Svelte 5); libraries keep the mode they were written in.
    dynamicCompileOptions: ({ filename }) =>
      filename.includes('/node_modules/') ? undefined : { runes: true },
  },
};
