import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import fs from 'node:fs';
import { themes as prismThemes } from 'prism-react-renderer';
import { sandboxExamplesPlugin } from './src/plugins/docusaurus/remark-sandbox-examples';

/** The kernel release the generated pages come from (written by `npm run generate`). */
function generatedRelease(): string {
  try {
    const data = JSON.parse(fs.readFileSync('docs/driver-api/_identifiers.json', 'utf8')) as { version: string };
    return data.version;
  } catch {
    return '6.12';
  }
}
const kernel = generatedRelease();

const config = {
  title: 'dma-buf, runnable',
  tagline: "The Linux dma-buf subsystem, from the kernel's own kernel-doc",
  favicon: 'img/favicon.svg',
  url: 'http://localhost:3000',
  baseUrl: '/',
  // `false` makes the spec page build as driver-api/dma-buf.html, the path docs.kernel.org uses,
  // so `…/driver-api/dma-buf.html#c.dma_buf_attach` keeps working with our host swapped in.
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  markdown: {
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
  },
  future: {
    v4: true,
    // Rspack and the SWC JS/CSS tooling; the SWC HTML minifier is off because it trims whitespace
    // inside inline elements, which makes the static HTML differ from React's render (hydration error 418).
    faster: {
      swcJsLoader: true,
      swcJsMinimizer: true,
      swcHtmlMinimizer: false,
      lightningCssMinimizer: true,
      mdxCrossCompilerCache: true,
      rspackBundler: true,
      rspackPersistentCache: true,
      ssgWorkerThreads: true,
    },
  },
  i18n: { defaultLocale: 'en', locales: ['en'] },
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          remarkPlugins: [sandboxExamplesPlugin(__dirname)],
          showLastUpdateTime: false,
        },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      } satisfies Preset.Options,
    ],
  ],
  plugins: ['./src/plugins/docusaurus/sandbox-bundling.ts'],
  themes: [
    [
      '@easyops-cn/docusaurus-search-local',
      {
        hashed: true,
        indexDocs: true,
        indexPages: true,
        indexBlog: false,
        docsRouteBasePath: '/',
        language: ['en'],
        highlightSearchTermsOnTargetPage: false,
        explicitSearchResultPath: true,
        searchResultLimits: 12,
      },
    ],
  ],
  themeConfig: {
    colorMode: { respectPrefersColorScheme: true },
    navbar: {
      title: 'dma-buf, runnable',
      logo: { alt: 'dma-buf', src: 'img/favicon.svg' },
      items: [
        { type: 'doc', docId: 'intro', label: 'Guide', position: 'left' },
        { to: '/driver-api/dma-buf', label: `Spec (Linux ${kernel})`, position: 'left' },
        { to: '/driver-api/identifiers', label: 'Identifiers', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      copyright:
        'Spec pages are generated at build time from the kernel tree named on each page; the kernel text is GPL-2.0 and stays out of this repository.',
    },
    prism: {
      theme: prismThemes.vsLight,
      darkTheme: prismThemes.vsDark,
      additionalLanguages: ['bash'],
    },
    tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
  } satisfies Preset.ThemeConfig,
} satisfies Config;

export default config;
